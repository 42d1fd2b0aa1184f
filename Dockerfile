# syntax=docker/dockerfile:1
# stancemon's container image: a static binary (CGO_ENABLED=0; the embedded
# store is modernc.org/sqlite, pure Go) on distroless/static, run as the
# distroless "nonroot" user (65532). The image has no shell and no curl: the
# health check is the binary itself (`stancemon healthcheck`).
#
#   docker build -t stancemon .
#   docker run --rm -p 8080:8080 -v $PWD/stancemon.yaml:/etc/stancemon/stancemon.yaml:ro stancemon
#
# Validated by `make deploy-check` (BuildKit's Dockerfile parser and its
# build-check rules); no Docker engine runs where this repository is tested,
# so the image itself has not been built there.

ARG GO_VERSION=1.26

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# The module download is a layer of its own: it is reused while go.mod and
# go.sum do not change.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/go/pkg/mod go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/root/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/stancemon ./cmd/stancemon

# distroless/static carries CA certificates, /etc/passwd with "nonroot" and
# tzdata; nothing else.
FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=dev
LABEL org.opencontainers.image.title="stancemon" \
      org.opencontainers.image.description="Country-to-country stance from a news stream: Kafka in, ClickHouse out" \
      org.opencontainers.image.version="${VERSION}"
COPY --from=build /out/stancemon /usr/local/bin/stancemon
USER 65532:65532
# The embedded store (when no ClickHouse DSN is set) writes stancemon.db
# here; mount a volume on it to keep it.
WORKDIR /home/nonroot
# /metrics, /healthz, /readyz and the dashboard. The configuration must set
# http.addr to 0.0.0.0:8080 (the default listens on 127.0.0.1 only).
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["stancemon", "healthcheck", "--url", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["stancemon"]
CMD ["run", "--config", "/etc/stancemon/stancemon.yaml"]
