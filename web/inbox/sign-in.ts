/** The sign-in view: the town's Cognito Hosted UI when deployed, a pasted token locally. */
import { signInSection } from '../shared/sign-in-form.ts';
import type { AuthConfig } from '../shared/staff-auth.ts';
import { tokenKey } from './api.ts';
import { t } from './locale.ts';
import { announce, app, nav, renderChrome } from './page.ts';

/** The ticket named in the link of the DPO's notice mail (`?ticket=`), if any. */
export const deepLink = (): string | null => new URLSearchParams(location.search).get('ticket');

export function renderSignIn(auth: AuthConfig): void {
  const texts = t();
  renderChrome(undefined);
  nav.again = () => renderSignIn(auth);
  const section = signInSection({
    auth,
    texts,
    tokenKey,
    announce,
    onSignedIn: () => {
      const ticket = deepLink();
      void (ticket ? nav.ticket(ticket) : nav.queue());
    },
  });
  app.replaceChildren(section);
}
