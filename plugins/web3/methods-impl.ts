/**
 * The bodies of the web3 methods of SignIn, SignUp, User and Web3Wallet (types in methods.ts), loaded on
 * the first call of one of them (the stubs are installed by web3.ts).
 */
import type { JSONObject, ResourceContext, SignIn, SignUp, User } from '../../kernel/index.js';
import { ClerkRuntimeError, camelize } from '../../kernel/lazy-kit.js';
// Types only: methods.ts is in the initial bundle, and a runtime import would split it into a chunk of its own.
import type { AuthenticateWithWeb3Params, SignUpWeb3Params, Web3StrategyParam, Web3Wallet } from './methods.js';
import { connectWallet, type Web3Provider } from './wallets.js';

function requireGenerator(params: AuthenticateWithWeb3Params | undefined): void {
  if (typeof params?.generateSignature !== 'function') {
    throw new ClerkRuntimeError('authenticateWithWeb3() needs `generateSignature`, a function that has the wallet sign a message.', { code: 'missing_option' });
  }
}

const SOLANA = 'web3_solana_signature';
/** ClerkJS's provider of a strategy: its middle part (`web3_okx_wallet_signature` → `okx_wallet`). */
const providerOf = (strategy: string) => strategy.replace(/^web3_|_signature$/g, '') as Web3Provider;

function calledBeforeCreate(resource: string): never {
  throw new ClerkRuntimeError(
    `${resource}: the web3 wallet cannot be verified: FAPI returned no message to sign (is the strategy enabled for this instance?).`,
    {
      code: 'web3_verification_unavailable',
    },
  );
}

/** ClerkJS retries a Coinbase Wallet signature the user rejected once (its passkey prompt rejects the first try). */
async function sign(params: AuthenticateWithWeb3Params, strategy: Web3StrategyParam, nonce: string): Promise<string> {
  const provider = providerOf(strategy);
  const args = { identifier: params.identifier, nonce, provider, walletName: params.walletName };
  try {
    return await params.generateSignature(args);
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    if (provider === 'coinbase_wallet' && (code === 4001 || code === 'web3_signature_request_rejected')) return params.generateSignature(args);
    throw err;
  }
}

export const signIn = {
  async authenticateWithWeb3(this: SignIn, params: AuthenticateWithWeb3Params) {
    requireGenerator(params);
    const strategy = params.strategy ?? 'web3_metamask_signature';
    // ClerkJS's sign-in asks for the wallet's name with Solana's strategy.
    if (strategy === SOLANA && !params.walletName) {
      throw new ClerkRuntimeError('authenticateWithWeb3() needs `walletName` with web3_solana_signature.', { code: 'missing_option' });
    }
    await this.create({ identifier: params.identifier });
    const factor = this.supportedFirstFactors?.find((f) => f.strategy === strategy);
    if (!factor) calledBeforeCreate('SignIn');
    await this.prepareFirstFactor({ strategy, web3WalletId: factor.web3WalletId });
    const message = this.firstFactorVerification.message;
    if (!message) calledBeforeCreate('SignIn');
    return this.attemptFirstFactor({ strategy, signature: await sign(params, strategy, message) });
  },
  async authenticateWithMetamask(this: SignIn) {
    return signIn.authenticateWithWeb3.call(this, await connectWallet('web3_metamask_signature'));
  },
  async authenticateWithCoinbaseWallet(this: SignIn) {
    return signIn.authenticateWithWeb3.call(this, await connectWallet('web3_coinbase_wallet_signature'));
  },
  async authenticateWithOKXWallet(this: SignIn) {
    return signIn.authenticateWithWeb3.call(this, await connectWallet('web3_okx_wallet_signature'));
  },
  async authenticateWithBase(this: SignIn) {
    return signIn.authenticateWithWeb3.call(this, await connectWallet('web3_base_signature'));
  },
  async authenticateWithSolana(this: SignIn, params: { walletName: string }) {
    return signIn.authenticateWithWeb3.call(this, { ...(await connectWallet(SOLANA, params?.walletName)), walletName: params?.walletName });
  },
};

export const signUp = {
  async authenticateWithWeb3(this: SignUp, params: AuthenticateWithWeb3Params & SignUpWeb3Params) {
    requireGenerator(params);
    const strategy = params.strategy ?? 'web3_metamask_signature';
    await this.create({ web3Wallet: params.identifier, unsafeMetadata: params.unsafeMetadata, legalAccepted: params.legalAccepted });
    await signUp.prepareWeb3WalletVerification.call(this, { strategy });
    const message = this.verifications.web3Wallet.message;
    if (!message) calledBeforeCreate('SignUp');
    return signUp.attemptWeb3WalletVerification.call(this, { strategy, signature: await sign(params, strategy, message) });
  },
  async authenticateWithMetamask(this: SignUp, params?: SignUpWeb3Params) {
    return signUp.authenticateWithWeb3.call(this, { ...params, ...(await connectWallet('web3_metamask_signature')) });
  },
  async authenticateWithCoinbaseWallet(this: SignUp, params?: SignUpWeb3Params) {
    return signUp.authenticateWithWeb3.call(this, { ...params, ...(await connectWallet('web3_coinbase_wallet_signature')) });
  },
  async authenticateWithOKXWallet(this: SignUp, params?: SignUpWeb3Params) {
    return signUp.authenticateWithWeb3.call(this, { ...params, ...(await connectWallet('web3_okx_wallet_signature')) });
  },
  async authenticateWithBase(this: SignUp, params?: SignUpWeb3Params) {
    return signUp.authenticateWithWeb3.call(this, { ...params, ...(await connectWallet('web3_base_signature')) });
  },
  async authenticateWithSolana(this: SignUp, params: SignUpWeb3Params & { walletName: string }) {
    return signUp.authenticateWithWeb3.call(this, { ...params, ...(await connectWallet(SOLANA, params?.walletName)) });
  },
  prepareWeb3WalletVerification(this: SignUp, params?: { strategy?: Web3StrategyParam }) {
    return this.prepareVerification({ strategy: 'web3_metamask_signature', ...params });
  },
  attemptWeb3WalletVerification(this: SignUp, params: { signature: string; strategy?: Web3StrategyParam }) {
    return this.attemptVerification({ strategy: params.strategy ?? 'web3_metamask_signature', signature: params.signature });
  },
};

const ctxOf = (resource: object) => (resource as unknown as { _ctx: ResourceContext })._ctx;

/** Calls FAPI for a wallet and takes the wallet JSON it answers into `target`, or a new Web3Wallet. */
async function walletRequest(
  ctx: ResourceContext,
  target: Web3Wallet | null,
  method: string,
  path: string,
  body?: Record<string, unknown>,
): Promise<Web3Wallet> {
  const payload = await ctx.fapi.request<{ response: JSONObject }>({ method: method as 'POST', path, body });
  const json = payload?.response ?? {};
  return given.asWeb3Wallet(ctx, Object.assign(target ?? {}, camelize(json)));
}

export const user = {
  async createWeb3Wallet(this: User, params: { web3Wallet: string }) {
    if (typeof params?.web3Wallet !== 'string' || !params.web3Wallet) {
      throw new ClerkRuntimeError('createWeb3Wallet({ web3Wallet }) needs the wallet address.', { code: 'invalid_params' });
    }
    return walletRequest(ctxOf(this), null, 'POST', '/me/web3_wallets', { web3Wallet: params.web3Wallet });
  },
};

const walletPath = (w: Web3Wallet) => `/me/web3_wallets/${w.id}`;

export const wallet = {
  create(this: Web3Wallet) {
    return walletRequest(ctxOf(this), this, 'POST', '/me/web3_wallets', { web3Wallet: this.web3Wallet });
  },
  prepareVerification(this: Web3Wallet, params: { strategy: Web3StrategyParam }) {
    return walletRequest(ctxOf(this), this, 'POST', `${walletPath(this)}/prepare_verification`, { strategy: params?.strategy });
  },
  attemptVerification(this: Web3Wallet, params: { signature: string }) {
    return walletRequest(ctxOf(this), this, 'POST', `${walletPath(this)}/attempt_verification`, { signature: params?.signature });
  },
  async destroy(this: Web3Wallet) {
    await ctxOf(this).fapi.request({ method: 'DELETE', path: walletPath(this) });
  },
  reload(this: Web3Wallet) {
    return walletRequest(ctxOf(this), this, 'GET', walletPath(this));
  },
};

/** What web3.ts hands over (lazy code imports no initial module): how wallet JSON becomes a Web3Wallet. */
export const given = {} as { asWeb3Wallet(ctx: ResourceContext, data: object): Web3Wallet };
