/**
 * `clerk.authenticateWithWeb3()`: connect the wallet, sign in with its address, and when FAPI does not
 * know it (`form_identifier_not_found`) sign up with it instead; then activate the session and go on —
 * ClerkJS's flow, including its navigation to the second factor or the sign-up's continue step. Solana's
 * wallet is the one named `walletName` (`web3_solana_wallet_name_required` without one).
 */
import type { KernelInternals, SignIn, SignUp } from '../../kernel/index.js';
import { ClerkRuntimeError, isClerkAPIResponseError } from '../../kernel/lazy-kit.js';
import type { NavigationApi } from '../navigation/index.js';
import type { ClerkAuthenticateWithWeb3Params } from './web3.js';
import { connectWallet } from './wallets.js';

export async function authenticateWithWeb3(kernel: KernelInternals, nav: NavigationApi, params: ClerkAuthenticateWithWeb3Params): Promise<void> {
  const { client, environment } = kernel;
  if (!client || !environment) throw new ClerkRuntimeError('authenticateWithWeb3() needs a loaded client: await clerk.load() first.', { code: 'not_loaded' });
  const { redirectUrl, signUpContinueUrl, secondFactorUrl, customNavigate, unsafeMetadata, legalAccepted, walletName } = params ?? {};
  // Refuses unknown strategies (and Solana without a wallet name) with a coded error before any wallet prompt.
  const { identifier, generateSignature, strategy } = await connectWallet(params?.strategy, walletName);
  const go = (to: string) => (typeof customNavigate === 'function' ? customNavigate(to) : nav.navigate(to));
  const page = (option: string, fallback: string, hash: string) => `${(kernel.loadOptions[option] as string | undefined) || fallback}#${hash}`;

  let result: SignIn | SignUp;
  try {
    result = await client.signIn.authenticateWithWeb3({ identifier, generateSignature, strategy, walletName });
  } catch (err) {
    if (!isClerkAPIResponseError(err) || !err.errors.some((e) => e.code === 'form_identifier_not_found')) throw err;
    const signUp = await client.signUp.authenticateWithWeb3({ identifier, generateSignature, strategy, unsafeMetadata, legalAccepted, walletName });
    result = signUp;
    if (signUpContinueUrl && signUp.status === 'missing_requirements' && signUp.verifications.web3Wallet.status === 'verified') await go(signUpContinueUrl);
  }
  if (result.status === 'needs_second_factor') {
    await go(secondFactorUrl || page('signInUrl', environment.displayConfig.signInUrl, '/factor-two'));
  } else if (result.status === 'complete' && result.createdSessionId) {
    await kernel.setActive({ session: result.createdSessionId, redirectUrl: redirectUrl ?? nav.buildAfterSignInUrl() });
  }
}
