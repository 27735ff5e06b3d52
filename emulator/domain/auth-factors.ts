/** Which factors a user can sign in with, and what a sign-up still lacks — from settings and the model. */
import type { EmulatorCore } from './core.js';
import { connectionForEmail, connectionsForEmail, enterpriseFactor } from './enterprise-sso.js';
import type { SignInRecord, SignUpRecord, UserRecord } from './records.js';
import { strategyFitsAddress } from './web3.js';

/** A factor a user can verify with, keyed as FAPI's factor objects so the wire layer passes it through. */
export interface SupportedFactor {
  strategy: string;
  email_address_id?: string;
  phone_number_id?: string;
  web3_wallet_id?: string;
  safe_identifier?: string;
  primary?: boolean;
  default?: boolean;
  enterprise_connection_id?: string;
  enterprise_connection_name?: string;
}

/**
 * The first factors of a sign-in: an identifier on an enterprise connection's domain signs in through
 * that connection only (new users too: the identity provider provisions them); else the user's factors.
 */
export function signInFirstFactors(core: EmulatorCore, signIn: Pick<SignInRecord, 'identifier'>, user: UserRecord | undefined): SupportedFactor[] {
  // One factor per connection of the domain: several make ClerkJS (and <SignIn/>) show a chooser.
  const connections = connectionsForEmail(core, signIn.identifier);
  if (connections.length) return connections.map((connection) => enterpriseFactor(connection, signIn.identifier!));
  return user ? supportedFirstFactors(core, user) : [];
}

export function supportedFirstFactors(core: EmulatorCore, user: UserRecord): SupportedFactor[] {
  const { settings } = core;
  const factors: SupportedFactor[] = [];
  const canUsePassword = settings.password.enabled && user.password !== null;
  if (settings.passkeys.enabled && user.passkeys.some((p) => p.credentialId)) factors.push({ strategy: 'passkey' });
  if (canUsePassword) factors.push({ strategy: 'password' });
  if (settings.emailAddress.enabled) {
    for (const email of user.emailAddresses) {
      if (email.verification?.status !== 'verified') continue;
      const common = { email_address_id: email.id, safe_identifier: email.emailAddress, primary: email.id === user.primaryEmailAddressId };
      for (const strategy of settings.emailAddress.firstFactors) factors.push({ strategy, ...common });
      if (canUsePassword) factors.push({ strategy: 'reset_password_email_code', ...common });
    }
  }
  if (settings.phoneNumber.enabled) {
    for (const phone of user.phoneNumbers) {
      if (phone.verification?.status !== 'verified') continue;
      const common = {
        phone_number_id: phone.id,
        safe_identifier: phone.phoneNumber,
        primary: phone.id === user.primaryPhoneNumberId,
        default: phone.defaultSecondFactor,
      };
      if (settings.phoneNumber.usedForFirstFactor) factors.push({ strategy: 'phone_code', ...common });
      if (canUsePassword) factors.push({ strategy: 'reset_password_phone_code', ...common });
    }
  }
  for (const wallet of user.web3Wallets) {
    if (wallet.verification?.status !== 'verified') continue;
    const common = { web3_wallet_id: wallet.id, safe_identifier: wallet.web3Wallet, primary: wallet.id === user.primaryWeb3WalletId };
    for (const strategy of settings.web3) if (strategyFitsAddress(strategy, wallet.web3Wallet)) factors.push({ strategy, ...common });
  }
  return factors;
}

export function supportedSecondFactors(core: EmulatorCore, user: UserRecord): SupportedFactor[] | null {
  if (!core.twoFactorEnabled(user)) return null;
  const allowed = core.settings.secondFactors;
  const factors: SupportedFactor[] = [];
  if (allowed.includes('totp') && user.totp?.verified) factors.push({ strategy: 'totp' });
  if (allowed.includes('phone_code')) {
    for (const phone of user.phoneNumbers.filter((p) => p.reservedForSecondFactor)) {
      factors.push({
        strategy: 'phone_code',
        phone_number_id: phone.id,
        safe_identifier: phone.phoneNumber,
        primary: phone.id === user.primaryPhoneNumberId,
        default: phone.defaultSecondFactor,
      });
    }
  }
  if (allowed.includes('backup_code') && user.backupCodes.length > 0) factors.push({ strategy: 'backup_code' });
  if (allowed.includes('passkey') && core.settings.passkeys.enabled && user.passkeys.length > 0) factors.push({ strategy: 'passkey' });
  return factors.length > 0 ? factors : null;
}

export function supportedIdentifiers(core: EmulatorCore): string[] {
  const { settings } = core;
  return [
    ...(settings.emailAddress.enabled ? ['email_address'] : []),
    ...(settings.phoneNumber.enabled ? ['phone_number'] : []),
    ...(settings.username.enabled ? ['username'] : []),
    ...(settings.web3.length > 0 ? ['web3_wallet'] : []),
  ];
}

export interface SignUpRequirements {
  required: string[];
  optional: string[];
  missing: string[];
  unverified: string[];
}

export function signUpRequirements(core: EmulatorCore, signUp: SignUpRecord): SignUpRequirements {
  const { settings } = core;
  // An email on an enterprise connection's domain signs up at its identity provider: no password, no code.
  const sso = connectionForEmail(core, signUp.emailAddress) !== undefined;
  const ssoDone = signUp.externalAccountStrategy === 'enterprise_sso' && signUp.externalAccountVerification?.status === 'verified';
  const attributes: Array<{ field: string; enabled: boolean; required: boolean; present: boolean }> = [
    { field: 'email_address', ...settings.emailAddress, present: signUp.emailAddress !== null },
    { field: 'phone_number', ...settings.phoneNumber, present: signUp.phoneNumber !== null },
    { field: 'username', ...settings.username, present: signUp.username !== null },
    // Sign-ups through a provider or a wallet need no password.
    {
      field: 'password',
      ...settings.password,
      present: signUp.password !== null || signUp.externalAccountStrategy !== null || sso || signUp.web3Wallet !== null,
    },
    { field: 'first_name', ...settings.names, present: signUp.firstName !== null },
    { field: 'last_name', ...settings.names, present: signUp.lastName !== null },
  ];
  const enabled = attributes.filter((a) => a.enabled);
  const unverified: string[] = [];
  if (signUp.emailAddress !== null && !sso && settings.emailAddress.verifyAtSignUp && signUp.emailVerification?.status !== 'verified') {
    unverified.push('email_address');
  }
  if (signUp.phoneNumber !== null && settings.phoneNumber.verifyAtSignUp && signUp.phoneVerification?.status !== 'verified') {
    unverified.push('phone_number');
  }
  if (signUp.web3Wallet !== null && signUp.web3Verification?.status !== 'verified') unverified.push('web3_wallet');
  return {
    required: enabled.filter((a) => a.required).map((a) => a.field),
    optional: enabled.filter((a) => !a.required).map((a) => a.field),
    missing: [
      ...enabled.filter((a) => a.required && !a.present).map((a) => a.field),
      ...(sso && !ssoDone ? ['enterprise_sso'] : []),
      ...(signUp.protectCheck ? ['protect_check'] : []),
    ],
    unverified,
  };
}
