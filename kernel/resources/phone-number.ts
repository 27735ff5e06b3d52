import { BaseResource, type JSONObject } from './base.js';
import type { IdentificationLink } from './email-address.js';
import { defineLazyMethods } from './methods.js';
import { Verification } from './verification.js';

export class PhoneNumber extends BaseResource {
  declare phoneNumber: string;
  declare verification: Verification;
  declare reservedForSecondFactor: boolean;
  declare defaultSecondFactor: boolean;
  declare linkedTo: IdentificationLink[];
  declare backupCodes?: string[];

  protected static override readonly childKeys = new Set(['verification']);

  protected override hydrate(json: JSONObject): void {
    this.verification = new Verification(json.verification as JSONObject);
  }

  override toString(): string {
    return this.phoneNumber;
  }
}

/** The methods whose bodies load on first call (account-methods.ts). */
export interface PhoneNumber {
  prepareVerification(params?: { strategy?: 'phone_code'; channel?: 'sms' | 'whatsapp' }): Promise<this>;
  attemptVerification(params: { code: string }): Promise<this>;
  setReservedForSecondFactor(params: { reserved: boolean }): Promise<this>;
  makeDefaultSecondFactor(): Promise<this>;
  destroy(): Promise<void>;
  reload(): Promise<this>;
}

defineLazyMethods(PhoneNumber.prototype, 'prepareVerification attemptVerification setReservedForSecondFactor makeDefaultSecondFactor destroy reload', () =>
  import('./account-methods.js').then((m) => m.phoneNumberMethods),
);
