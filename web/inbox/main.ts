// The DPO inbox page: sign in, see the queue, claim, answer (with a live preview and snippets),
// release, close (with a reason when unanswered), offer an answer to the editors. All ticket text
// is rendered with text nodes or the safe Markdown renderer (never innerHTML); no inline script or
// style (strict CSP). German first, English on request (locale.ts).

import { finishCognitoSignIn, loadStaffConfig } from '../shared/staff-auth.ts';
import { clearToken, currentToken } from '../shared/token.ts';
import { setApiBase, tokenKey } from './api.ts';
import { t } from './locale.ts';
import { announce, nav } from './page.ts';
import { showQueue } from './queue.ts';
import { deepLink, renderSignIn } from './sign-in.ts';
import { showTicket } from './ticket.ts';

async function start(): Promise<void> {
  const { apiBase, auth } = await loadStaffConfig(document.body, tokenKey);
  setApiBase(apiBase);
  nav.signIn = () => renderSignIn(auth);
  nav.signOut = (message = t().signedOut) => {
    clearToken(tokenKey);
    renderSignIn(auth);
    announce(message);
  };
  nav.queue = showQueue;
  nav.ticket = showTicket;
  await finishCognitoSignIn(auth);
  if (!currentToken(tokenKey)) {
    renderSignIn(auth);
    return;
  }
  const ticket = deepLink();
  if (ticket) await showTicket(ticket);
  else await showQueue();
}

void start();
