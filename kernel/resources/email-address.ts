import { BaseResource, emailLinkFlow, type EmailLinkFlow, type JSONObject } from './base.js';
import { defineLazyMethods } from './methods.js';
import { Verification } from './verification.js';

/** What an email address or phone number is linked to (an OAuth account…): data; plugins may add members. */
export interface IdentificationLink {
  id: string;
  type: string;
}

export class EmailAddress extends BaseResource {
  declare emailAddress: string;
  declare verification: Verification;
  declare linkedTo: IdentificationLink[];

  protected static override readonly childKeys = new Set(['verification']);

  protected override hydrate(json: JSONObject): void {
    this.verification = new Verification(json.verification as JSONObject);
  }

  /**
   * ClerkJS's email-link verification of this address: `startEmailLinkFlow({ redirectUrl })` sends the link
   * and resolves with this address once it was opened (verified) or expired; `cancelEmailLinkFlow()` stops waiting.
   */
  createEmailLinkFlow(): EmailLinkFlow<EmailAddress, { redirectUrl: string }> {
    return emailLinkFlow(this, 'emailAddress');
  }

  override toString(): string {
    return this.emailAddress;
  }
}

/** The methods whose bodies load on first call (account-methods.ts). */
export interface EmailAddress {
  /** Sends a code (`email_code`) or a link (`email_link` with `redirectUrl`) to this address; `enterprise_sso` starts its IdP's verification. */
  prepareVerification(params: { strategy: 'email_code' } | { strategy: 'email_link' | 'enterprise_sso'; redirectUrl: string }): Promise<this>;
  attemptVerification(params: { code: string }): Promise<this>;
  destroy(): Promise<void>;
  reload(): Promise<this>;
}

defineLazyMethods(EmailAddress.prototype, 'prepareVerification attemptVerification destroy reload', () =>
  import('./account-methods.js').then((m) => m.emailAddressMethods),
);
