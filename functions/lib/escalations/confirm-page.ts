import type { HttpResponse } from '../http/response.ts';
import { confirmPageTexts } from './flow-mail-texts.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The small page behind the confirmation link. GET only shows a button (mail scanners that
 * open links must not confirm an address for someone); the button POSTs the code back to the
 * same URL. Plain HTML without script, so it works from any mail program on AWS and locally.
 */
export function confirmPage(
  lang: 'de' | 'en',
  state: 'ask' | 'done' | 'failed',
  ticketId: string,
  code = '',
  status = 200,
): HttpResponse {
  const texts = confirmPageTexts[lang];
  const body =
    state === 'ask'
      ? `<p>${escapeHtml(texts.ask)}</p><form method="post" action="?lang=${lang}"><input type="hidden" name="code" value="${escapeHtml(code)}"><button type="submit">${escapeHtml(texts.button)}</button></form>`
      : `<p>${escapeHtml(state === 'done' ? texts.done : texts.failed)}</p>`;
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'",
    },
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(texts.title)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem"><h1>${escapeHtml(texts.title)}</h1><p>${escapeHtml(ticketId)}</p>${body}</body></html>`,
  };
}
