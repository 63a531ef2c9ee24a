package store

import (
	"database/sql"
	"path/filepath"
	"runtime"
	"strings"
)

// Every connection to a database file is opened through address, so that
// any folder name works. SQLite reads a "file:" address as a URI: a '?' in
// the path would start the parameters, a '#' would end the path and a '%'
// would be read as an escape. Joining strings cut the path there and saved
// the results in another file, so the path is always escaped here.

// Connection parameters, in modernc.org/sqlite's and SQLite's own words.
const (
	paramsWrite = "_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)"
	paramsRead    = "mode=ro&_pragma=busy_timeout(10000)"
	paramsScratch = "_pragma=busy_timeout(10000)"
)

// openAddress opens a database file with the given parameters.
func openAddress(path, params string) (*sql.DB, error) {
	return sql.Open("sqlite", address(path, params))
}

// address is the SQLite URI of the file at path on this system.
func address(path, params string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return addressFor(runtime.GOOS, path, params)
}

// addressFor builds a URI for an absolute path as written on goos:
//
//	/home/a b/speakeasy.db          file:///home/a%20b/speakeasy.db
//	C:\Users\Ana\speakeasy.db       file:///C:/Users/Ana/speakeasy.db
//	\\server\share\speakeasy.db     file:////server/share/speakeasy.db
//
// Every byte but letters, digits and -._~/: is %-escaped; SQLite turns the
// escapes back into the bytes of the name.
func addressFor(goos, path, params string) string {
	if goos == "windows" {
		path = strings.ReplaceAll(path, `\`, "/")
		if len(path) >= 2 && path[1] == ':' {
			path = "/" + path // file:///C:/...: SQLite drops the '/' before a drive letter
		}
	}
	var b strings.Builder
	b.WriteString("file://")
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/', c == ':':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	if params != "" {
		b.WriteString("?" + params)
	}
	return b.String()
}
