import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import { Verification } from './verification.js';

export class EmailAddress extends BaseResource {
  declare emailAddress: string;
  declare verification: Verification;
  declare linkedTo: Array<{ id: string; type: string }>;

  protected static override readonly childKeys = new Set(['verification']);

  protected override hydrate(json: JSONObject): void {
    this.verification = new Verification(json.verification as JSONObject);
  }

  private get path() {
    return `/me/email_addresses/${this.id}`;
  }

  /** Sends a code (`email_code`) or a link (`email_link` with `redirectUrl`) to this address. */
  prepareVerification(params: { strategy: 'email_code' } | { strategy: 'email_link'; redirectUrl: string }) {
    return this._mutate('POST', `${this.path}/prepare_verification`, params);
  }

  attemptVerification(params: { code: string }) {
    return this._mutate('POST', `${this.path}/attempt_verification`, params);
  }

  /**
   * ClerkJS's email-link verification of this address: `startEmailLinkFlow({ redirectUrl })` sends the link
   * and resolves with this address once it was opened (verified) or expired; `cancelEmailLinkFlow()` stops waiting.
   */
  createEmailLinkFlow(): EmailLinkFlow<EmailAddress, { redirectUrl: string }> {
    const flow = emailLinkFlow<EmailAddress, { redirectUrl: string }>(
      this,
      ({ redirectUrl }) => this.prepareVerification({ strategy: 'email_link', redirectUrl }),
      (email) => ['verified', 'expired'].includes(email.verification.status ?? ''),
    );
    return { startEmailLinkFlow: flow.start, cancelEmailLinkFlow: flow.cancel };
  }

  destroy(): Promise<void> {
    return this._ctx.fapi.request({ method: 'DELETE', path: this.path }).then(() => undefined);
  }

  reload() {
    return this._reload(this.path);
  }

  override toString(): string {
    return this.emailAddress;
  }
}
