/** Every FAPI route the emulator serves, in matching order. */
import type { Route } from '../http/router.js';
import { biometricCredentialRoutes } from './biometric-credentials.js';
import { clientRoutes } from './client.js';
import { oauthRoutes } from './oauth.js';
import { organizationRoutes } from './organizations.js';
import { popupCallbackRoutes } from './popup-callback.js';
import { passkeyRoutes } from './passkeys.js';
import { sessionVerificationRoutes } from './session-verification.js';
import { sessionRoutes } from './sessions.js';
import { signInRoutes } from './sign-in.js';
import { signUpRoutes } from './sign-up.js';
import { userRoutes } from './user.js';
import { waitlistRoutes } from './waitlist.js';

export const fapiRoutes: Route[] = [
  ...clientRoutes,
  ...signInRoutes,
  ...signUpRoutes,
  ...sessionVerificationRoutes,
  ...sessionRoutes,
  ...userRoutes,
  ...passkeyRoutes,
  ...biometricCredentialRoutes,
  ...organizationRoutes,
  ...oauthRoutes,
  ...popupCallbackRoutes,
  ...waitlistRoutes,
];
