package app

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/kafka"
)

// maxSecretBytes bounds a password file.
const maxSecretBytes = 64 << 10

// KafkaOptions returns the connection options of cfg: brokers, client id
// (stancemon-<hostname>-<pid> by default), TLS and SASL with the password
// read from kafka.sasl.password_file unless STANCEMON_KAFKA_PASSWORD gave it.
func KafkaOptions(cfg config.Kafka) (kafka.Options, error) {
	o := kafka.Options{
		Brokers:  cfg.Brokers,
		ClientID: cfg.ClientID,
		TLS: kafka.TLS{
			Enabled: cfg.TLS.Enabled, CAFile: cfg.TLS.CAFile, CertFile: cfg.TLS.CertFile, KeyFile: cfg.TLS.KeyFile,
			ServerName: cfg.TLS.ServerName, InsecureSkipVerify: cfg.TLS.InsecureSkipVerify,
		},
		SASL: kafka.SASL{Mechanism: cfg.SASL.Mechanism, Username: cfg.SASL.Username, Password: cfg.SASL.Password},
	}
	if o.ClientID == "" {
		host, _ := os.Hostname()
		o.ClientID = "stancemon-" + host + "-" + strconv.Itoa(os.Getpid())
	}
	if o.SASL.Password == "" && cfg.SASL.PasswordFile != "" {
		pw, err := ReadSecret(cfg.SASL.PasswordFile)
		if err != nil {
			return kafka.Options{}, fmt.Errorf("reading kafka.sasl.password_file: %w", err)
		}
		o.SASL.Password = pw
	}
	if err := o.Validate(); err != nil {
		return kafka.Options{}, fmt.Errorf("kafka: %w", err)
	}
	return o, nil
}

// ReadSecret reads a secret from a file of at most 64 KiB, without its
// trailing newline. Errors name the file, never its content.
func ReadSecret(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("opening secret file: %w", err)
	}
	defer f.Close()
	b := make([]byte, maxSecretBytes+1)
	n, _ := f.Read(b)
	if n > maxSecretBytes {
		return "", fmt.Errorf("secret file %s is larger than %d bytes", path, maxSecretBytes)
	}
	s := string(bytes.TrimRight(b[:n], "\r\n"))
	if s == "" {
		return "", fmt.Errorf("secret file %s is empty", path)
	}
	return s, nil
}
