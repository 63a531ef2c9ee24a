package speech

import (
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"
)

// recorder is a fake Engine: it notes what would be said, in order.
type recorder struct {
	mu    sync.Mutex
	said  []string
	block chan struct{} // when set, each Say waits for it or for cancel
}

func (r *recorder) Name() string { return "fake" }
func (r *recorder) Say(ctx context.Context, text, lang string) error {
	r.mu.Lock()
	r.said = append(r.said, lang+":"+text)
	r.mu.Unlock()
	if r.block != nil {
		select {
		case <-r.block:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
func (r *recorder) Play(ctx context.Context, path string) error {
	r.mu.Lock()
	r.said = append(r.said, "play:"+path)
	r.mu.Unlock()
	return nil
}

func TestReader_ReadsInOrder(t *testing.T) {
	rec := &recorder{}
	r := NewReader(rec)
	var at []int
	done := make(chan struct{})
	r.Read([]Item{{Text: "Who is answering?"}, {Text: "Me"}, {Text: "A parent", Sound: "parent.wav"}}, "en", func(i int) {
		at = append(at, i)
		if i == -1 {
			close(done)
		}
	})
	<-done
	want := []string{"en:Who is answering?", "en:Me", "play:parent.wav"}
	if !reflect.DeepEqual(rec.said, want) {
		t.Fatalf("said %v, want %v", rec.said, want)
	}
	if !reflect.DeepEqual(at, []int{0, 1, 2, -1}) {
		t.Fatalf("highlights %v", at)
	}
	if r.Reading() {
		t.Fatal("still reading after the end")
	}
}

func TestReader_StopCutsOff(t *testing.T) {
	rec := &recorder{block: make(chan struct{})}
	r := NewReader(rec)
	done := make(chan struct{})
	r.Read([]Item{{Text: "one"}, {Text: "two"}}, "en", func(i int) {
		if i == -1 {
			close(done)
		}
	})
	for {
		rec.mu.Lock()
		n := len(rec.said)
		rec.mu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	r.Stop()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Stop did not end the reading")
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.said) != 1 {
		t.Fatalf("went on after Stop: %v", rec.said)
	}
}

// TestEspeak_SpeaksToAWAV makes espeak-ng really speak, into a file, and
// checks the file holds sound. It runs where espeak-ng is installed
// (make test installs it on Debian).
func TestEspeak_SpeaksToAWAV(t *testing.T) {
	bin, err := exec.LookPath("espeak-ng")
	if err != nil {
		if os.Getenv("SPEAKEASY_E2E") != "" {
			t.Fatal("espeak-ng is missing: run .ci/deps.sh --e2e")
		}
		t.Skip("espeak-ng is not installed")
	}
	e, err := Find()
	if err != nil || e.Name() != "espeak-ng" {
		t.Fatalf("Find: %v %v", e, err)
	}
	for _, lang := range []string{"en", "cy"} {
		wav := filepath.Join(t.TempDir(), lang+".wav")
		if out, err := exec.Command(bin, "-v", lang, "-w", wav, "Do you have a plan for school?").CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		data, err := os.ReadFile(wav)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 44 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
			t.Fatalf("%s is not a WAV file", wav)
		}
		loud := 0
		for i := 44; i+1 < len(data); i += 2 {
			if s := int16(binary.LittleEndian.Uint16(data[i:])); s > 1000 || s < -1000 {
				loud++
			}
		}
		if loud < 1000 {
			t.Fatalf("%s holds almost no sound (%d loud samples of %d)", lang, loud, (len(data)-44)/2)
		}
	}
}
