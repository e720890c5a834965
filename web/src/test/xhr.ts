// XMLHttpRequest for tests of the one call that uses it (api/client.ts `upload`).
import { vi } from 'vitest';

/** A stand-in for XMLHttpRequest: records what is sent, answers with `answer`. */
// `hold`: the answer waits for it too, so a test can look at the upload in progress
// without racing the timers on a busy machine.
export function fakeXhr(
  answer: (url: string) => { status: number; body: unknown; headers?: Record<string, string> },
  hold: Promise<void> = Promise.resolve(),
) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  class FakeXhr {
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    private method = '';
    private url = '';
    private headers: Record<string, string> = {};
    private answerHeaders: Record<string, string> = {};
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader(name: string) {
      return this.answerHeaders[name] ?? null;
    }
    send(body: unknown) {
      sent.push({ method: this.method, url: this.url, headers: this.headers, body });
      const a = answer(this.url);
      setTimeout(() => this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 }), 0);
      const finish = () => {
        this.status = a.status;
        this.responseText = JSON.stringify(a.body);
        this.answerHeaders = a.headers ?? {};
        this.onload?.();
      };
      setTimeout(() => void hold.then(finish), 50);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}
