import { BaseResource, type JSONObject } from './base.js';
import { Verification } from './verification.js';

export class PhoneNumber extends BaseResource {
  declare phoneNumber: string;
  declare verification: Verification;
  declare reservedForSecondFactor: boolean;
  declare defaultSecondFactor: boolean;
  declare linkedTo: Array<{ id: string; type: string }>;
  declare backupCodes?: string[];

  protected static override readonly childKeys = new Set(['verification']);

  protected override hydrate(json: JSONObject): void {
    this.verification = new Verification(json.verification as JSONObject);
  }

  private get path() {
    return `/me/phone_numbers/${this.id}`;
  }

  prepareVerification(params: { strategy?: 'phone_code'; channel?: 'sms' | 'whatsapp' } = {}) {
    return this._mutate('POST', `${this.path}/prepare_verification`, { strategy: 'phone_code', ...params });
  }

  attemptVerification(params: { code: string }) {
    return this._mutate('POST', `${this.path}/attempt_verification`, params);
  }

  setReservedForSecondFactor(params: { reserved: boolean }) {
    return this._mutate('PATCH', this.path, { reservedForSecondFactor: params.reserved });
  }

  makeDefaultSecondFactor() {
    return this._mutate('PATCH', this.path, { defaultSecondFactor: true });
  }

  destroy(): Promise<void> {
    return this._ctx.fapi.request({ method: 'DELETE', path: this.path }).then(() => undefined);
  }

  reload() {
    return this._reload(this.path);
  }

  override toString(): string {
    return this.phoneNumber;
  }
}
