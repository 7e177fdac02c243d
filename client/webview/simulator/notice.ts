// The one-line notice under a panel's header (#notice): an error stays 10 s, information 4 s.
let timer: ReturnType<typeof setTimeout> | undefined;

export function notice(level: 'info' | 'error', message: string): void {
  const el = document.getElementById('notice');
  if (!el) return;
  el.className = level;
  el.textContent = message;
  clearTimeout(timer);
  timer = setTimeout(() => { el.textContent = ''; el.className = ''; }, level === 'error' ? 10_000 : 4000);
}
