import { camelize, type JSONObject } from './base.js';

export interface AttributeSettings {
  enabled: boolean;
  required: boolean;
  usedForFirstFactor: boolean;
  firstFactors: string[];
  usedForSecondFactor: boolean;
  secondFactors: string[];
  verifications: string[];
  verifyAtSignUp: boolean;
  [key: string]: unknown;
}

export interface DisplayConfig {
  instanceEnvironmentType: 'production' | 'development';
  applicationName: string;
  homeUrl: string;
  signInUrl: string;
  signUpUrl: string;
  userProfileUrl: string;
  organizationProfileUrl: string;
  createOrganizationUrl: string;
  waitlistUrl: string;
  afterSignInUrl: string;
  afterSignUpUrl: string;
  afterSignOutOneUrl: string;
  afterSignOutAllUrl: string;
  afterSwitchSessionUrl: string;
  afterCreateOrganizationUrl: string;
  afterLeaveOrganizationUrl: string;
  logoImageUrl: string;
  preferredSignInStrategy: 'password' | 'otp';
  [key: string]: unknown;
}

export interface UserSettings {
  attributes: Record<string, AttributeSettings>;
  social: Record<string, { enabled: boolean; required: boolean; authenticatable: boolean; strategy: string; name: string; logoUrl?: string }>;
  signIn: { secondFactor: { required: boolean; enabled?: boolean } };
  signUp: {
    allowlistOnly?: boolean;
    progressive?: boolean;
    captchaEnabled?: boolean;
    mode?: 'public' | 'restricted' | 'waitlist';
    legalConsentEnabled?: boolean;
  };
  passwordSettings: {
    minLength: number;
    maxLength: number;
    requireNumbers: boolean;
    requireSpecialChar: boolean;
    requireUppercase: boolean;
    requireLowercase: boolean;
    allowedSpecialCharacters?: string;
    showZxcvbn?: boolean;
    minZxcvbnStrength?: number;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Instance settings from `/v1/environment`: what the dashboard enabled (strategies, URLs, session mode). */
export class Environment {
  id = '';
  authConfig: { singleSessionMode: boolean; claimedAt?: Date | null; [key: string]: unknown } = { singleSessionMode: false };
  displayConfig = {} as DisplayConfig;
  userSettings = { attributes: {}, social: {}, signIn: { secondFactor: { required: false } }, signUp: {}, passwordSettings: {} } as unknown as UserSettings;
  organizationSettings: { enabled: boolean; forceOrganizationSelection?: boolean; [key: string]: unknown } = { enabled: false };
  maintenanceMode = false;

  constructor(json?: JSONObject | null) {
    if (!json) return;
    const data = camelize(json);
    for (const key of Object.keys(data)) {
      const value = data[key];
      const current = (this as Record<string, unknown>)[key];
      (this as Record<string, unknown>)[key] = value && typeof value === 'object' && current && typeof current === 'object' ? { ...current, ...value } : value;
    }
  }

  isSingleSession(): boolean {
    return !!this.authConfig.singleSessionMode;
  }

  isProduction(): boolean {
    return this.displayConfig.instanceEnvironmentType === 'production';
  }

  isDevelopmentOrStaging(): boolean {
    return !this.isProduction();
  }
}
