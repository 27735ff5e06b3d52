/** The bare EnvironmentJSON ClerkJS loads, derived from the emulator settings. */
import { googleOneTapClientId } from '../domain/google-one-tap.js';
import type { EmulatorCore } from '../domain/core.js';
import type { Json } from './view.js';

interface AttributeInput {
  enabled: boolean;
  required: boolean;
  verifications?: string[];
  firstFactors?: string[];
  secondFactors?: string[];
  verifyAtSignUp?: boolean;
}

function attribute(input: AttributeInput): Json {
  const firstFactors = input.enabled ? (input.firstFactors ?? []) : [];
  const secondFactors = input.enabled ? (input.secondFactors ?? []) : [];
  return {
    enabled: input.enabled,
    required: input.enabled && input.required,
    immutable: false,
    verifications: input.enabled ? (input.verifications ?? []) : [],
    used_for_first_factor: firstFactors.length > 0,
    first_factors: firstFactors,
    used_for_second_factor: secondFactors.length > 0,
    second_factors: secondFactors,
    verify_at_sign_up: input.enabled && (input.verifyAtSignUp ?? false),
  };
}

const SOCIAL_NAMES: Record<string, string> = {
  oauth_google: 'Google',
  oauth_github: 'GitHub',
  oauth_microsoft: 'Microsoft',
  oauth_apple: 'Apple',
  oauth_discord: 'Discord',
  oauth_facebook: 'Facebook',
  oauth_gitlab: 'GitLab',
  oauth_linkedin_oidc: 'LinkedIn',
};

/**
 * `accountPortalUrl`: where this emulator serves the Account Portal's pages (`/popup-callback`), announced as
 * `display_config.account_portal_url` (an emulator extension: Clerk's FAPI does not send it, and ClerkJS ignores
 * it); microclerk's popup flow then accepts the popup's message from that origin instead of `https://accounts.…`.
 */
export function environmentJson(core: EmulatorCore, accountPortalUrl?: string): Json {
  const { settings } = core;
  const secondFactors = settings.secondFactors;
  const social: Json = {};
  for (const strategy of settings.social) {
    const provider = strategy.replace(/^oauth_/, '');
    social[strategy] = {
      enabled: true,
      required: false,
      authenticatable: true,
      block_email_subaddresses: false,
      strategy,
      name: SOCIAL_NAMES[strategy] ?? provider,
      logo_url: `https://img.clerk.com/static/${provider}.png`,
    };
  }
  const emailFirstFactors = settings.emailAddress.firstFactors;
  return {
    object: 'environment',
    id: core.instanceId,
    auth_config: {
      object: 'auth_config',
      id: `aac_${core.instanceId.slice(4)}`,
      single_session_mode: settings.singleSession,
      claimed_at: null,
      reverification: settings.reverification.maxAgeMinutes !== null,
      preferred_channels: null,
    },
    display_config: {
      object: 'display_config',
      id: `display_config_${core.instanceId.slice(4)}`,
      instance_environment_type: core.instanceType,
      application_name: settings.applicationName,
      branded: false,
      logo_image_url: '',
      favicon_image_url: '',
      ...settings.displayUrls,
      ...(accountPortalUrl ? { account_portal_url: accountPortalUrl } : {}),
      preferred_sign_in_strategy: 'password',
      support_email: null,
      terms_url: null,
      privacy_policy_url: null,
      theme: {
        general: {
          color: '#6c47ff',
          font_family: '',
          font_color: '#151515',
          background_color: '#ffffff',
          box_shadow: '',
          border_radius: '0.5rem',
          padding: '1em',
        },
        buttons: { font_color: '#ffffff', font_family: '', font_weight: '600' },
        accounts: { background_color: '#ffffff' },
      },
      captcha_public_key: null,
      captcha_public_key_invisible: null,
      captcha_widget_type: null,
      captcha_provider: 'turnstile',
      captcha_oauth_bypass: null,
      google_one_tap_client_id: googleOneTapClientId(core),
      show_devmode_warning: false,
    },
    user_settings: {
      attributes: {
        email_address: attribute({
          ...settings.emailAddress,
          verifications: emailFirstFactors,
          firstFactors: emailFirstFactors,
          secondFactors: [],
        }),
        phone_number: attribute({
          ...settings.phoneNumber,
          verifications: ['phone_code'],
          firstFactors: settings.phoneNumber.usedForFirstFactor ? ['phone_code'] : [],
          secondFactors: secondFactors.includes('phone_code') ? ['phone_code'] : [],
        }),
        username: attribute({ ...settings.username }),
        web3_wallet: attribute({ enabled: settings.web3.length > 0, required: false, verifications: settings.web3, firstFactors: settings.web3 }),
        first_name: attribute({ ...settings.names }),
        last_name: attribute({ ...settings.names }),
        password: attribute({ ...settings.password }),
        authenticator_app: attribute({
          enabled: secondFactors.includes('totp'),
          required: false,
          verifications: ['totp'],
          secondFactors: ['totp'],
        }),
        backup_code: attribute({
          enabled: secondFactors.includes('backup_code'),
          required: false,
          verifications: ['backup_code'],
          secondFactors: ['backup_code'],
        }),
        passkey: attribute({
          enabled: settings.passkeys.enabled,
          required: false,
          verifications: ['passkey'],
          firstFactors: ['passkey'],
          secondFactors: settings.passkeys.enabled && secondFactors.includes('passkey') ? ['passkey'] : [],
        }),
      },
      social,
      enterprise_sso: { enabled: settings.enterpriseConnections.length > 0, self_serve_sso: false },
      saml: { enabled: false },
      sign_in: { second_factor: { required: false, enabled: secondFactors.length > 0 } },
      sign_up: {
        allowlist_only: false,
        progressive: true,
        captcha_enabled: false,
        captcha_widget_type: 'smart',
        custom_action_required: false,
        mode: settings.signUpMode,
        legal_consent_enabled: false,
        mfa: { required: settings.mfaRequired },
      },
      password_settings: {
        allowed_special_characters: '+=#-_!@$%^&*()[]{}<>?/|.,:;\'"`~',
        disable_hibp: true,
        min_length: settings.password.minLength,
        max_length: settings.password.maxLength,
        require_special_char: settings.password.requireSpecialChar,
        require_numbers: settings.password.requireNumbers,
        require_uppercase: settings.password.requireUppercase,
        require_lowercase: settings.password.requireLowercase,
        show_zxcvbn: false,
        min_zxcvbn_strength: 0,
        enforce_hibp_on_sign_in: false,
      },
      passkey_settings: {
        allow_autofill: settings.passkeys.enabled && settings.passkeys.allowAutofill,
        show_sign_in_button: settings.passkeys.enabled && settings.passkeys.showSignInButton,
      },
      username_settings: { min_length: settings.username.minLength, max_length: settings.username.maxLength },
      actions: { delete_self: true, create_organization: settings.organizations },
      attack_protection: {
        user_lockout: { enabled: true, max_attempts: settings.lockout.maxAttempts, duration_in_minutes: Math.ceil(settings.lockout.lockSeconds / 60) },
        pii: { enabled: false },
        email_link: { require_same_client: settings.emailLinkRequireSameClient },
      },
    },
    organization_settings: {
      enabled: settings.organizations,
      max_allowed_memberships: settings.maxAllowedMemberships,
      force_organization_selection: settings.organizations && settings.forceOrganizationSelection,
      actions: { admin_delete: true },
      domains: {
        enabled: settings.organizations,
        enrollment_modes: ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'],
        default_role: 'org:member',
      },
      slug: { disabled: false },
      organization_creation_defaults: { enabled: false },
    },
    api_keys_settings: { enabled: false, user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    protect_config: { object: 'protect_config', id: `protect_config_${core.instanceId.slice(4)}`, loaders: [] },
    maintenance_mode: false,
    client_debug_mode: false,
  };
}
