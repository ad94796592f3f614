// The widget bundle (/widget.js). A city embeds it with one tag:
// <script src="https://…/widget.js" data-api="https://…" data-locale="de" defer></script>
import { defineAssistant, tagName } from './assistant.ts';

/** Accepts https: URLs, and http: only for a local development host. */
function safeUrl(value: string | null | undefined, fallback: string, base: string): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, base);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return url.href;
  } catch {
    // malformed: use the fallback
  }
  return fallback;
}

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');

function mount(): void {
  if (document.querySelector(tagName)) return;
  const base = script?.src || location.href;
  const origin = new URL(base).origin;
  const data = script?.dataset ?? {};
  const element = document.createElement(tagName);
  element.setAttribute('api', safeUrl(data.api, origin, base).replace(/\/+$/, ''));
  // Without data-locale the interface follows the page's own language (<html lang="en">).
  const locale = data.locale ?? document.documentElement.lang;
  element.setAttribute('locale', locale?.toLowerCase().startsWith('en') ? 'en' : 'de');
  if (data.color) element.setAttribute('color', data.color);
  element.setAttribute('position', data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right');
  element.setAttribute('privacy-url', safeUrl(data.privacyUrl, `${origin}/privacy`, base));
  element.setAttribute('accessibility-url', safeUrl(data.accessibilityUrl, `${origin}/accessibility`, base));
  document.body.appendChild(element);
}

defineAssistant();
if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
