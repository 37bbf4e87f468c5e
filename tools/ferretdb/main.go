// Command ferretdb runs an embedded FerretDB with the SQLite backend,
// giving the app a MongoDB-compatible server for local use.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:27017"), "TCP address to listen on (loopback only)")
	stateDir := flag.String("state-dir", envOr("FERRETDB_STATE_DIR", "./data/ferretdb/"), "directory for the SQLite files")
	// Not warn: FerretDB logs every failed command at warn with a full wire
	// dump, including routine ones like duplicate keys and endSessions.
	logLevel := flag.String("log-level", envOr("FERRETDB_LOG_LEVEL", "error"), "debug, info, warn or error")
	flag.Parse()

	if err := run(*listenAddr, *stateDir, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(listenAddr, stateDir, logLevel string) error {
	// There is no auth in front of this server, so refuse anything reachable
	// from other machines.
	if err := checkLoopback(listenAddr); err != nil {
		return err
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	sqliteURL, err := sqliteDirURL(stateDir)
	if err != nil {
		return err
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// New has already bound the socket, so this line means "ready" and is
	// printed whatever the log level.
	fmt.Fprintf(os.Stderr, "ferretdb listening on %s (sqlite %s)\n", f.MongoDBURI(), sqliteURL)

	// Run returns after ctx is canceled, once the listener and SQLite
	// databases are closed, so returning from here is a clean shutdown.
	return f.Run(ctx)
}

// sqliteDirURL creates dir if needed and turns it into the form FerretDB
// insists on: a file: URI naming an existing directory, ending in "/".
func sqliteDirURL(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	// FerretDB rebuilds the URI with the path unescaped, so these characters
	// would silently move the database somewhere else.
	if strings.ContainsAny(abs, "?#%") {
		return "", fmt.Errorf("state dir %q must not contain '?', '#' or '%%'", abs)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("create state dir: %w", err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs) + "/"}
	return u.String(), nil
}

func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("bad -listen-addr: %w", err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-listen-addr %q is not a loopback address", addr)
	}
	return nil
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}
