/** Security page: two-step verification — authenticator app (QR code), SMS codes, backup codes. */
import { useEffect, useState } from 'preact/hooks';
import type { TOTPResource, User } from '../../../kernel/index.js';
import type { qrPath } from '../qr.js';
import { CopyIcon, DownloadIcon } from '../icons.js';
import type { MenuEntry, ProfileParts } from '../parts.js';

export function createTwoStepSection({ kit, useSay, useNotice, Section, Action, Item, Menu }: ProfileParts) {
  const { useHost, useForm, Alert, CodeForm } = kit;

  /** The codes, with "Copy all" (clipboard) and "Download .txt" (a Blob URL, revoked right after). */
  function BackupCodes({ codes }: { codes: string[] }) {
    const { el, environment } = useHost();
    const say = useSay();
    const copied = useNotice();
    const text = codes.join('\n');
    const copy = () =>
      void navigator.clipboard?.writeText(text).then(
        () => copied.show(say('backupCodePage.actionLabel__copied')),
        () => {},
      );
    const download = () => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${environment.displayConfig.applicationName || 'account'}_backup_codes.txt`.replace(/[^\w.-]+/g, '_');
      link.click();
      setTimeout(() => URL.revokeObjectURL(url));
    };
    return (
      <div {...el('backupCodesBox')}>
        <p {...el('profileSectionFormTitle')}>{say('backupCodePage.title__codelist')}</p>
        <p>{say('backupCodePage.successSubtitle')}</p>
        <ul {...el('backupCodes')}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div {...el('backupCodesActions')}>
          <Action name="copyCodes" onClick={copy}>
            <CopyIcon />
            {copied.text ?? say('backupCodePage.actionLabel__copy')}
          </Action>
          <Action name="downloadCodes" onClick={download}>
            <DownloadIcon />
            {say('backupCodePage.actionLabel__download')}
          </Action>
        </div>
      </div>
    );
  }

  /**
   * The setup link as a QR code: dark modules on white (readers need dark on light, whatever the theme).
   * The encoder is loaded when a code is first shown (few users ever set up an authenticator app); until then
   * the box holds its place. Nothing if the text does not fit a QR code.
   */
  function QrCode({ text }: { text: string }) {
    const { el } = useHost();
    const say = useSay();
    const [path, setPath] = useState<ReturnType<typeof qrPath>>();
    useEffect(() => {
      let live = true;
      import('../qr.js').then(
        (qr) => live && setPath(qr.qrPath(text)),
        () => live && setPath(null),
      );
      return () => void (live = false);
    }, [text]);
    if (path === null) return null;
    return path ? (
      <svg {...el('totpQrCode')} viewBox={`0 0 ${path.side} ${path.side}`} role="img" aria-label={say('totpQrCode')} shape-rendering="crispEdges">
        <rect width={path.side} height={path.side} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
    ) : (
      <svg {...el('totpQrCode')} aria-hidden="true" />
    );
  }

  function TwoStepSection({ user }: { user: User }) {
    const { environment, el } = useHost();
    const say = useSay();
    const attributes = environment.userSettings.attributes ?? {};
    const totpOn = !!attributes.authenticator_app?.enabled;
    const smsOn = !!attributes.phone_number?.usedForSecondFactor;
    const backupOn = !!attributes.backup_code?.enabled;
    const actions = useForm([]);
    const [totp, setTotp] = useState<TOTPResource | null>(null);
    const [codes, setCodes] = useState<string[] | null>(null);
    if (!totpOn && !smsOn && !backupOn) return null;
    const phones = user.phoneNumbers.filter((p) => p.verification?.status === 'verified');

    const remove = (name: string, label: string, action: () => Promise<unknown>): MenuEntry => ({
      name,
      label,
      danger: true,
      onSelect: () => void actions.run(action),
    });
    const adds: MenuEntry[] = [];
    if (totpOn && !user.totpEnabled && !totp) {
      adds.push({
        name: 'addTotp',
        label: say('start.mfaSection.totp.headerTitle'),
        onSelect: () => void actions.run(async () => setTotp(await user.createTOTP())),
      });
    }
    if (smsOn) {
      for (const phone of phones) {
        if (!phone.reservedForSecondFactor) {
          adds.push({
            name: 'enableSms',
            label: say('useForSms', { phone: phone.phoneNumber }),
            onSelect: () => void actions.run(() => phone.setReservedForSecondFactor({ reserved: true })),
          });
        }
      }
    }

    return (
      <Section name="mfa" title={say('start.mfaSection.title')}>
        {totpOn && user.totpEnabled && (
          <Item
            name="totp"
            actions={
              <Menu
                item={say('start.mfaSection.totp.headerTitle')}
                entries={[remove('disableTotp', say('start.mfaSection.totp.destructiveActionTitle'), () => user.disableTOTP())]}
              />
            }
          >
            {say('start.mfaSection.totp.headerTitle')}
          </Item>
        )}
        {smsOn &&
          phones
            .filter((phone) => phone.reservedForSecondFactor)
            .map((phone) => (
              <Item
                key={phone.id}
                name="smsCode"
                actions={
                  <Menu
                    item={say('smsCode', { phone: phone.phoneNumber })}
                    entries={[
                      remove('disableSms', say('start.mfaSection.phoneCode.destructiveActionLabel'), () =>
                        phone.setReservedForSecondFactor({ reserved: false }),
                      ),
                    ]}
                  />
                }
              >
                {say('smsCode', { phone: phone.phoneNumber })}
              </Item>
            ))}
        {backupOn && user.twoFactorEnabled && (
          <Item
            name="backupCodes"
            actions={
              <Menu
                item={say('start.mfaSection.backupCodes.headerTitle')}
                entries={[
                  {
                    name: 'regenerateCodes',
                    label: say('start.mfaSection.backupCodes.title__regenerate'),
                    onSelect: () => void actions.run(async () => setCodes((await user.createBackupCode()).codes)),
                  },
                ]}
              />
            }
          >
            {say('start.mfaSection.backupCodes.headerTitle')}
          </Item>
        )}
        {totp && (
          <div {...el('totpSetup')}>
            <p {...el('profileSectionFormTitle')}>{say('mfaTOTPPage.title')}</p>
            <p>{say('mfaTOTPPage.authenticatorApp.infoText__ableToScan')}</p>
            {totp.uri && <QrCode text={totp.uri} />}
            <p>
              {say('totpKey')}: <code {...el('totpSecret')}>{totp.secret}</code>
            </p>
            <p>
              {say('totpUri')}: <code {...el('totpUri')}>{totp.uri}</code>
            </p>
            <CodeForm
              onCode={async (code) => {
                const verified = await user.verifyTOTP({ code });
                setTotp(null);
                if (verified.backupCodes?.length) setCodes(verified.backupCodes);
              }}
            />
            <Action name="cancel" onClick={() => setTotp(null)}>
              {say('formButtonReset')}
            </Action>
          </div>
        )}
        {codes && <BackupCodes codes={codes} />}
        <Menu name="addMfa" trigger={say('start.mfaSection.primaryButton')} entries={adds} />
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return TwoStepSection;
}
