import type { HttpResponse } from '../http/response.ts';
import { confirmPageTexts } from './flow-mail-texts.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

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
      ? `<p>${escape(texts.ask)}</p><form method="post" action="?lang=${lang}"><input type="hidden" name="code" value="${escape(code)}"><button type="submit">${escape(texts.button)}</button></form>`
      : `<p>${escape(state === 'done' ? texts.done : texts.failed)}</p>`;
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'",
    },
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(texts.title)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem"><h1>${escape(texts.title)}</h1><p>${escape(ticketId)}</p>${body}</body></html>`,
  };
}
