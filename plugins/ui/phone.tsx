/**
 * The phone-number field's country picker, as ClerkJS shows it: a country selector (ISO and dial code over
 * a native `<select>`, so keyboards, screen readers and phones handle the list) beside the
 * national number, which the field hands on as E.164 (`+<dial><digits>`). A number typed or pasted with
 * its `+` picks its country (longest dial code). The default country is `navigator.language`'s region,
 * else the US. Country names come from `Intl.DisplayNames` in the localization's language, so the table is
 * ISO and dial codes only. This module is a chunk of its own, fetched by the first phone field that
 * renders (form-kit's `Field`); until it arrives the field is a plain `+…` input. It imports no host
 * module: `useHost` and the stylesheet come in through {@link createPhoneField}.
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HostContextValue } from './context.js';

/**
 * ISO 3166 code and ITU dial code of each country. Countries sharing a dial code list the one a bare
 * `+<dial>` means first (US before CA and the Caribbean's own +1 area codes, GB before the Channel
 * Islands); a country with several codes has one entry per code, the first shown in the list.
 */
const TABLE =
  'US1 CA1 GB44 RU7 KZ7 IT39 VA39 NO47 SJ47 AU61 CX61 CC61 FI358 AX358 MA212 EH212 RE262 YT262 GP590 BL590 MF590 CW599 BQ599 ' +
  'AF93 AL355 DZ213 AS1684 AD376 AO244 AI1264 AG1268 AR54 AM374 AW297 AT43 AZ994 BS1242 BH973 BD880 BB1246 BY375 BE32 BZ501 BJ229 ' +
  'BM1441 BT975 BO591 BA387 BW267 BR55 IO246 VG1284 BN673 BG359 BF226 BI257 KH855 CM237 CV238 KY1345 CF236 TD235 CL56 CN86 CO57 ' +
  'KM269 CG242 CD243 CK682 CR506 CI225 HR385 CU53 CY357 CZ420 DK45 DJ253 DM1767 DO1809 DO1829 DO1849 EC593 EG20 SV503 GQ240 ER291 ' +
  'EE372 SZ268 ET251 FK500 FO298 FJ679 FR33 GF594 PF689 GA241 GM220 GE995 DE49 GH233 GI350 GR30 GL299 GD1473 GU1671 GT502 GG44 ' +
  'GN224 GW245 GY592 HT509 HN504 HK852 HU36 IS354 IN91 ID62 IR98 IQ964 IE353 IM44 IL972 JM1876 JM1658 JP81 JE44 JO962 KE254 KI686 ' +
  'XK383 KW965 KG996 LA856 LV371 LB961 LS266 LR231 LY218 LI423 LT370 LU352 MO853 MG261 MW265 MY60 MV960 ML223 MT356 MH692 MQ596 ' +
  'MR222 MU230 MX52 FM691 MD373 MC377 MN976 ME382 MS1664 MZ258 MM95 NA264 NR674 NP977 NL31 NC687 NZ64 NI505 NE227 NG234 NU683 ' +
  'NF672 KP850 MK389 MP1670 OM968 PK92 PW680 PS970 PA507 PG675 PY595 PE51 PH63 PL48 PT351 PR1787 PR1939 QA974 RO40 RW250 SH290 ' +
  'KN1869 LC1758 PM508 VC1784 WS685 SM378 ST239 SA966 SN221 RS381 SC248 SL232 SG65 SX1721 SK421 SI386 SB677 SO252 ZA27 KR82 SS211 ' +
  'ES34 LK94 SD249 SR597 SE46 CH41 SY963 TW886 TJ992 TZ255 TH66 TL670 TG228 TK690 TO676 TT1868 TN216 TR90 TM993 TC1649 TV688 VI1340 ' +
  'UG256 UA380 AE971 UY598 UZ998 VU678 VE58 VN84 WF681 YE967 ZM260 ZW263';

export const COUNTRIES = TABLE.split(' ').map((entry) => ({ iso: entry.slice(0, 2), dial: entry.slice(2) }));

/** Countries whose national numbers may start with a 0 that is part of the number (not a trunk prefix to drop). */
const KEEPS_LEADING_ZERO = /^(IT|SM|VA|CI|CG|GA)$/;

const dialOf = (iso: string) => COUNTRIES.find((c) => c.iso === iso)?.dial ?? '1';

/** The region of `language` (`en-GB` → GB; `fr` → its likely region, FR), when the table has it; else US. */
export function defaultCountry(language = typeof navigator === 'undefined' ? '' : navigator.language): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language).maximize().region;
  } catch {
    // Not a language tag.
  }
  return COUNTRIES.some((c) => c.iso === region) ? region! : 'US';
}

/**
 * A number in `+<dial><digits>` form split into its country (the longest dial code it starts with; among
 * countries sharing it, `preferred` when it is one of them) and the national digits; anything else is
 * the national part of `preferred`'s number.
 */
export function splitNumber(text: string, preferred: string): { iso: string; national: string } {
  if (!text.trim().startsWith('+')) return { iso: preferred, national: text };
  const digits = text.replace(/\D/g, '');
  let best: (typeof COUNTRIES)[number] | undefined;
  for (const country of COUNTRIES) {
    if (!digits.startsWith(country.dial)) continue;
    const longer = !best || country.dial.length > best.dial.length;
    if (longer || (country.dial === best!.dial && country.iso === preferred)) best = country;
  }
  return best ? { iso: best.iso, national: digits.slice(best.dial.length) } : { iso: preferred, national: digits };
}

/** The E.164 number of `national` in `iso`'s plan: digits only, a national trunk 0 dropped; empty without digits. */
export function toE164(iso: string, national: string): string {
  let digits = national.replace(/\D/g, '');
  if (!KEEPS_LEADING_ZERO.test(iso)) digits = digits.replace(/^0/, '');
  return digits ? `+${dialOf(iso)}${digits}` : '';
}

const css = `
.cl-phoneInputBox{display:flex;flex:1;min-width:0}
.cl-phoneInputBox>.cl-formFieldInput{border-top-left-radius:0;border-bottom-left-radius:0;min-width:0}
.cl-selectButton__countryCode{position:relative;display:flex;flex:none;align-items:center;gap:.3em;padding:0 .6em;background:var(--cl-input-bg);color:var(--cl-input-text);border:1px solid var(--cl-border);border-right:0;border-radius:var(--cl-radius) 0 0 var(--cl-radius);white-space:nowrap}
.cl-selectButton__countryCode:focus-within{outline:2px solid var(--cl-ring,var(--cl-primary));outline-offset:2px}
.cl-selectButton__countryCode .cl-selectOptionsContainer{position:absolute;inset:0;width:100%;opacity:0;cursor:pointer;font-size:1rem}
.cl-selectButtonDialCode,.cl-selectButtonIcon{color:var(--cl-text2)}
`;

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & { id: string };

/** What the host hands in: its context hook and its stylesheet (this module imports neither, so it stays out of the host's chunk). */
export function createPhoneField(useHost: () => HostContextValue, stylesheet: { add(css: string): void }) {
  stylesheet.add(css);
  // The plain input this field replaces, when it had focus as this module arrived: the picker's input takes it over.
  let focusedId = document.activeElement?.id;

  /**
   * `input`: the attributes the plain input had (id, name, label wiring, ARIA); `value`/`onValue`: the
   * E.164 number. The national input keeps what the user typed (spaces, dashes); the number is re-read
   * when `value` changes from outside (a prefill, an identifier moved over from the email field).
   */
  return function PhoneField({ input, value, onValue }: { input: InputProps; value: string; onValue(value: string): void }) {
    const { el, t, locale } = useHost();
    const [, rerender] = useState(0);
    const shown = useRef<{ value: string; iso: string; national: string }>();
    if (shown.current?.value !== value) shown.current = { value, ...splitNumber(value, shown.current?.iso ?? defaultCountry()) };
    const { iso, national } = shown.current;
    // A number that came from outside in another form (typed before this chunk arrived, a prefill with spaces) goes back as E.164.
    useLayoutEffect(() => {
      const number = toE164(iso, national);
      if (value && number !== value) onValue(number);
    }, [value]);
    const inputRef = useRef<HTMLInputElement | null>(null);
    useLayoutEffect(() => {
      if (focusedId !== input.id) return;
      focusedId = undefined;
      inputRef.current?.focus();
    }, []);
    const options = useMemo(() => {
      let names: Intl.DisplayNames | undefined;
      try {
        names = new Intl.DisplayNames(locale ? [locale, 'en'] : undefined, { type: 'region' });
      } catch {
        // No region names in this engine: the ISO codes stand in.
      }
      const seen = new Set<string>();
      return COUNTRIES.filter((c) => !seen.has(c.iso) && seen.add(c.iso))
        .map((c) => ({ ...c, name: names?.of(c.iso) ?? c.iso }))
        .sort((a, b) => a.name.localeCompare(b.name, locale));
    }, [locale]);
    const change = (nextIso: string, text: string) => {
      const next = splitNumber(text, nextIso);
      const number = toE164(next.iso, next.national);
      shown.current = { value: number, ...next };
      rerender((n) => n + 1);
      if (number !== value) onValue(number);
    };
    // Our own key (Clerk's localizations have none for it): the app may word it; English otherwise.
    const label = t('formFieldLabel__countryCode');
    const icon = el('selectButtonIcon');
    const { ref, ...attributes } = input;
    return (
      <div {...el('phoneInputBox')}>
        <div {...el('selectButton', 'countryCode')}>
          {/* What the select says to assistive technology, drawn. No flag emoji: Windows has none, and systems without an emoji font draw empty boxes. */}
          <span aria-hidden="true" {...el('selectButtonText')}>
            {iso}
          </span>
          <span aria-hidden="true" {...el('selectButtonDialCode')}>
            +{dialOf(iso)}
          </span>
          <svg class={`cl-icon ${icon.class}`} style={icon.style} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="m7 10 5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <select
            {...el('selectOptionsContainer', 'countryCode')}
            aria-label={label === 'formFieldLabel__countryCode' ? 'Country code' : label}
            disabled={input.disabled}
            value={iso}
            onChange={(e) => change(e.currentTarget.value, national)}
          >
            {options.map((c) => (
              <option key={c.iso} value={c.iso}>
                {c.name} +{c.dial}
              </option>
            ))}
          </select>
        </div>
        <input
          {...attributes}
          ref={(node) => {
            inputRef.current = node;
            if (typeof ref === 'function') ref(node);
            else if (ref) (ref as { current: HTMLInputElement | null }).current = node;
          }}
          type="tel"
          inputMode="tel"
          value={national}
          onInput={(e) => change(iso, e.currentTarget.value)}
        />
      </div>
    );
  };
}

export type PhoneField = ReturnType<typeof createPhoneField>;
