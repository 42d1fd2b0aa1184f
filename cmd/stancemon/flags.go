package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/kafka"
)

// connFlags are the flags that override the configuration file, shared by
// the commands that connect to Kafka and the store.
type connFlags struct {
	config     string
	brokers    string
	topic      string
	group      string
	clickhouse string
	storePath  string
	http       string
}

func (f *connFlags) register(cmd *cobra.Command, withKafka bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "YAML configuration file (see README); flags override it")
	fl.StringVar(&f.clickhouse, "clickhouse", "", "ClickHouse DSN, e.g. clickhouse://default:@127.0.0.1:9000/stancemon (empty: the embedded store)")
	fl.StringVar(&f.storePath, "store", "", "embedded store file, used when no ClickHouse DSN is set (default stancemon.db)")
	if withKafka {
		fl.StringVar(&f.brokers, "brokers", "", "Kafka bootstrap brokers, comma-separated (default 127.0.0.1:9092)")
		fl.StringVar(&f.topic, "topic", "", "input topic (default articles)")
		fl.StringVar(&f.group, "group", "", "consumer group (default stancemon)")
		fl.StringVar(&f.http, "http", "", "listen address of metrics, health and dashboard (default 127.0.0.1:8080; \"off\" disables)")
	}
}

// load reads the configuration: defaults, file, environment, then flags.
func (f *connFlags) load() (config.Config, error) {
	return config.Load(f.config, func(key string) string {
		if v := f.flagFor(key); v != "" {
			return v
		}
		return os.Getenv(key)
	})
}

// flagFor maps an environment key to the flag overriding it, so flags take
// precedence over the environment through one code path.
func (f *connFlags) flagFor(key string) string {
	switch key {
	case "STANCEMON_BROKERS":
		return f.brokers
	case "STANCEMON_TOPIC":
		return f.topic
	case "STANCEMON_GROUP":
		return f.group
	case "STANCEMON_CLICKHOUSE":
		return f.clickhouse
	case "STANCEMON_STORE":
		return f.storePath
	case "STANCEMON_HTTP":
		return f.http
	}
	return ""
}

// producerOptions are the Kafka connection options of the commands that
// only publish (produce, simulate): the configuration file's kafka
// section (TLS, SASL, client id) with brokers overridden by the flag.
func producerOptions(configPath, brokers string) (kafka.Options, error) {
	cfg, err := config.Load(configPath, func(key string) string {
		if key == "STANCEMON_BROKERS" && brokers != "" {
			return brokers
		}
		return os.Getenv(key)
	})
	if err != nil {
		return kafka.Options{}, err
	}
	return app.KafkaOptions(cfg.Kafka)
}
