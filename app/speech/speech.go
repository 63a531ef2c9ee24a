// Package speech reads words aloud with the operating system's own offline
// voice (espeak-ng or speech-dispatcher on Linux, say on macOS,
// System.Speech on Windows) and plays a survey's recorded sounds with the
// system's player. Nothing goes to the internet.
package speech

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"sync"
)

// Engine speaks text and plays sound files, each call returning when done
// or when ctx is cancelled.
type Engine interface {
	Say(ctx context.Context, text, lang string) error
	Play(ctx context.Context, path string) error
	Name() string
}

// ErrNoEngine says no voice was found, and what to install.
var ErrNoEngine = errors.New("no voice was found")

// Find looks for the system's voice. The error says what to install.
func Find() (Engine, error) {
	switch runtime.GOOS {
	case "darwin":
		if p, err := exec.LookPath("say"); err == nil {
			return &cmdEngine{name: "say", say: func(t, _ string) *exec.Cmd { return exec.Command(p, t) },
				players: []string{"afplay"}}, nil
		}
		return nil, fmt.Errorf("%w: macOS should have the say command", ErrNoEngine)
	case "windows":
		if p, err := exec.LookPath("powershell"); err == nil {
			return &cmdEngine{name: "Windows speech", say: func(t, _ string) *exec.Cmd {
				// The words go on standard input, so no quoting can break them.
				c := exec.Command(p, "-NoProfile", "-NonInteractive", "-Command",
					"Add-Type -AssemblyName System.Speech; (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())")
				c.Stdin = strings.NewReader(t)
				return c
			}, playWith: func(path string) *exec.Cmd {
				c := exec.Command(p, "-NoProfile", "-NonInteractive", "-Command",
					"(New-Object Media.SoundPlayer([Console]::In.ReadToEnd().Trim())).PlaySync()")
				c.Stdin = strings.NewReader(path)
				return c
			}}, nil
		}
		return nil, fmt.Errorf("%w: Windows PowerShell is missing", ErrNoEngine)
	}
	if p, err := exec.LookPath("espeak-ng"); err == nil {
		// Asking espeak-ng for its voices takes a moment: do it on first use, not at start.
		voices := sync.OnceValue(func() map[string]bool { return espeakVoices(p) })
		return &cmdEngine{name: "espeak-ng", say: func(t, lang string) *exec.Cmd {
			if voices()[lang] {
				return exec.Command(p, "-v", lang, "-s", "140", "--", t)
			}
			return exec.Command(p, "-s", "140", "--", t)
		}, players: []string{"paplay", "aplay", "ffplay"}}, nil
	}
	if p, err := exec.LookPath("spd-say"); err == nil {
		return &cmdEngine{name: "speech-dispatcher", say: func(t, lang string) *exec.Cmd {
			return exec.Command(p, "--wait", "-l", lang, "--", t)
		}, players: []string{"paplay", "aplay", "ffplay"}}, nil
	}
	return nil, fmt.Errorf("%w: install espeak-ng (Debian and Ubuntu: apt-get install espeak-ng)", ErrNoEngine)
}

// espeakVoices lists the language codes espeak-ng has a voice for.
func espeakVoices(bin string) map[string]bool {
	out, _ := exec.Command(bin, "--voices").Output()
	voices := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n")[1:] {
		if f := strings.Fields(line); len(f) > 1 {
			voices[f[1]] = true
		}
	}
	return voices
}

// cmdEngine runs a command for each thing it says or plays.
type cmdEngine struct {
	name     string
	say      func(text, lang string) *exec.Cmd
	players  []string // tried in order for sound files
	playWith func(path string) *exec.Cmd
}

func (e *cmdEngine) Name() string { return e.name }

func (e *cmdEngine) Say(ctx context.Context, text, lang string) error {
	return run(ctx, e.say(text, lang))
}

func (e *cmdEngine) Play(ctx context.Context, path string) error {
	if e.playWith != nil {
		return run(ctx, e.playWith(path))
	}
	for _, p := range e.players {
		if bin, err := exec.LookPath(p); err == nil {
			args := []string{path}
			if p == "ffplay" {
				args = []string{"-nodisp", "-autoexit", "-loglevel", "quiet", path}
			}
			return run(ctx, exec.Command(bin, args...))
		}
	}
	return fmt.Errorf("no sound player found (tried %s)", strings.Join(e.players, ", "))
}

// run runs c until it ends or ctx is cancelled, when it is killed.
func run(ctx context.Context, c *exec.Cmd) error {
	if err := c.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		c.Process.Kill()
		<-done
		return ctx.Err()
	}
}

// Item is one thing to read: words, or a recorded sound instead of them.
type Item struct {
	Text  string
	Sound string // a sound file's path; played instead of Text when set
}

// Reader reads a list of items one after another, in the background. A
// new Read or a Stop cuts off what is being read.
type Reader struct {
	engine Engine
	mu     sync.Mutex
	cancel context.CancelFunc
	gen    int
}

// NewReader reads with e.
func NewReader(e Engine) *Reader { return &Reader{engine: e} }

// Read starts reading items in lang. Before each item, at(i) is called; when
// the reading ends, by itself or stopped, at(-1) is called. The calls come
// from the reading goroutine.
func (r *Reader) Read(items []Item, lang string, at func(i int)) {
	r.mu.Lock()
	if r.cancel != nil {
		r.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	r.gen++
	gen := r.gen
	r.mu.Unlock()
	go func() {
		defer func() {
			r.mu.Lock()
			if r.gen == gen {
				r.cancel = nil
			}
			r.mu.Unlock()
			cancel()
			at(-1)
		}()
		for i, it := range items {
			if ctx.Err() != nil {
				return
			}
			at(i)
			var err error
			if it.Sound != "" {
				err = r.engine.Play(ctx, it.Sound)
			}
			if it.Sound == "" || (err != nil && ctx.Err() == nil) {
				// A sound that cannot be played is read out instead.
				err = r.engine.Say(ctx, it.Text, lang)
			}
			if err != nil && ctx.Err() == nil {
				return
			}
		}
	}()
}

// Reading reports whether something is being read.
func (r *Reader) Reading() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cancel != nil
}

// Stop cuts off what is being read.
func (r *Reader) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
}
