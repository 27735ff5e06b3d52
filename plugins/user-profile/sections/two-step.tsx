/** Security page: two-step verification — authenticator app (QR code), SMS codes, backup codes. */
import { useMemo, useState } from 'preact/hooks';
import type { TOTPResource, User } from '../../../kernel/index.js';
import { encodeQr } from '../qr.js';
import type { ProfileParts } from '../parts.js';

export function createTwoStepSection({ kit, useSay, Section, Action, Item }: ProfileParts) {
  const { useHost, useForm, Alert, CodeForm } = kit;

  function BackupCodes({ codes }: { codes: string[] }) {
    const { el } = useHost();
    const say = useSay();
    return (
      <div {...el('backupCodesBox')}>
        <p>{say('backupCodePage.title__codelist')}</p>
        <p>{say('backupCodePage.successSubtitle')}</p>
        <ul {...el('backupCodes')}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }

  /**
   * The setup link as a QR code: one SVG path of the dark modules on white (readers need dark on light,
   * whatever the theme) with the 4-module quiet zone. Nothing if the text does not fit a QR code.
   */
  function QrCode({ text }: { text: string }) {
    const { el } = useHost();
    const say = useSay();
    const path = useMemo(() => {
      let modules: boolean[][];
      try {
        modules = encodeQr(text);
      } catch {
        return null;
      }
      // One rectangle per horizontal run of dark modules keeps the path short.
      let d = '';
      modules.forEach((row, y) => {
        for (let x = 0; x < row.length; x++) {
          let end = x;
          while (row[end]) end++;
          if (end > x) d += `M${x + 4} ${y + 4}h${end - x}v1h${x - end}z`;
          x = end;
        }
      });
      return { d, side: modules.length + 8 };
    }, [text]);
    if (!path) return null;
    return (
      <svg {...el('totpQrCode')} viewBox={`0 0 ${path.side} ${path.side}`} role="img" aria-label={say('totpQrCode')} shape-rendering="crispEdges">
        <rect width={path.side} height={path.side} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
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

    return (
      <Section name="mfa" title={say('start.mfaSection.title')}>
        {totpOn &&
          (user.totpEnabled ? (
            <Item
              name="totp"
              actions={
                <Action name="disableTotp" danger onClick={() => void actions.run(() => user.disableTOTP())}>
                  {say('start.mfaSection.totp.destructiveActionTitle')}
                </Action>
              }
            >
              {say('start.mfaSection.totp.headerTitle')}
            </Item>
          ) : totp ? (
            <div {...el('totpSetup')}>
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
          ) : (
            <Action name="addTotp" onClick={() => void actions.run(async () => setTotp(await user.createTOTP()))}>
              {say('mfaTOTPPage.title')}
            </Action>
          ))}
        {smsOn &&
          phones.map((phone) =>
            phone.reservedForSecondFactor ? (
              <Item
                key={phone.id}
                name="smsCode"
                actions={
                  <Action name="disableSms" danger onClick={() => void actions.run(() => phone.setReservedForSecondFactor({ reserved: false }))}>
                    {say('start.mfaSection.phoneCode.destructiveActionLabel')}
                  </Action>
                }
              >
                {say('smsCode', { phone: phone.phoneNumber })}
              </Item>
            ) : (
              <Action key={phone.id} name="enableSms" onClick={() => void actions.run(() => phone.setReservedForSecondFactor({ reserved: true }))}>
                {say('useForSms', { phone: phone.phoneNumber })}
              </Action>
            ),
          )}
        {backupOn && user.twoFactorEnabled && (
          <Action name="regenerateCodes" onClick={() => void actions.run(async () => setCodes((await user.createBackupCode()).codes))}>
            {say('start.mfaSection.backupCodes.title__regenerate')}
          </Action>
        )}
        {codes && <BackupCodes codes={codes} />}
        <Alert>{actions.formError}</Alert>
      </Section>
    );
  }

  return TwoStepSection;
}
