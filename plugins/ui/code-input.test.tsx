// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// The UI always runs beside the kernel, which fills the lazy kit the form parts read (kernel/lazy-kit.ts).
import '../../kernel/index.js';
import { HostContext, type HostContextValue } from './context.js';
import { CodeForm, RESEND_SECONDS } from './form-kit.js';

/** Just what the kit's form parts read from the host. */
const host = {
  uid: 'cl-t',
  el: (name: string, variant?: string) => ({ class: variant ? `cl-${name} cl-${name}__${variant}` : `cl-${name}` }),
  t: (key: string, vars?: Record<string, unknown>) => (vars ? `${key} ${JSON.stringify(vars)}` : key),
  errorText: (error: { message: string }) => error.message,
  layout: {},
  environment: { displayConfig: {} },
} as unknown as HostContextValue;

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

function mount(props: Parameters<typeof CodeForm>[0]) {
  act(() => render(<HostContext.Provider value={host}>{<CodeForm {...props} />}</HostContext.Provider>, root));
  return [...root.querySelectorAll<HTMLInputElement>('.cl-otpCodeFieldInput')];
}

const input = (box: HTMLInputElement, value: string) =>
  act(() => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
const key = (box: HTMLInputElement, name: string) => act(() => void box.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })));
const digits = (boxes: HTMLInputElement[]) => boxes.map((b) => b.value).join('');
const settle = () => act(() => new Promise((r) => setTimeout(r, 5)));

describe('CodeForm: six digit boxes', () => {
  it('labels each box, groups them under the label, and offers the first to one-time-code autofill', () => {
    const boxes = mount({ onCode: async () => {} });
    expect(boxes).toHaveLength(6);
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(
      [1, 2, 3, 4, 5, 6].map((index) => `formFieldInputLabel__codeDigit ${JSON.stringify({ index, length: 6 })}`),
    );
    expect(boxes[0]!.name).toBe('code');
    expect(boxes[0]!.getAttribute('autocomplete')).toBe('one-time-code');
    expect(boxes.slice(1).every((b) => b.getAttribute('autocomplete') === 'off' && !b.name)).toBe(true);
    expect(boxes.every((b) => b.getAttribute('inputmode') === 'numeric')).toBe(true);
    const group = root.querySelector('[role=group]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toBe('formFieldLabel__code');
    expect(root.querySelector<HTMLLabelElement>('label')!.htmlFor).toBe(boxes[0]!.id);
    expect(document.activeElement).toBe(boxes[0]);
  });

  it('moves to the next box as digits are typed, ignores letters, and Backspace on an empty box goes back', () => {
    const onCode = vi.fn(async () => {});
    const boxes = mount({ onCode });
    input(boxes[0]!, '4');
    expect(document.activeElement).toBe(boxes[1]);
    input(boxes[1]!, 'x');
    expect(boxes[1]!.value).toBe('');
    expect(document.activeElement).toBe(boxes[1]);
    input(boxes[1]!, '2');
    expect(document.activeElement).toBe(boxes[2]);
    key(boxes[2]!, 'Backspace');
    expect(document.activeElement).toBe(boxes[1]);
    expect(digits(boxes)).toBe('4');
    key(boxes[1]!, 'ArrowLeft');
    expect(document.activeElement).toBe(boxes[0]);
    expect(onCode).not.toHaveBeenCalled();
  });

  it('a pasted code fills every box and submits once', async () => {
    const onCode = vi.fn(async () => {});
    const boxes = mount({ onCode });
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
    paste.clipboardData = { getData: () => ' 424 242 ' };
    act(() => void boxes[3]!.dispatchEvent(paste));
    expect(paste.defaultPrevented).toBe(true);
    expect(digits(boxes)).toBe('424242');
    await settle();
    expect(onCode).toHaveBeenCalledTimes(1);
    expect(onCode).toHaveBeenCalledWith('424242');
  });

  it('a whole code put into the first box (autofill, a script filling input[name=code]) fills all and submits on the sixth digit', async () => {
    const onCode = vi.fn(async () => {});
    const boxes = mount({ onCode });
    input(boxes[0]!, '12345');
    expect(digits(boxes)).toBe('12345');
    expect(document.activeElement).toBe(boxes[5]);
    await settle();
    expect(onCode).not.toHaveBeenCalled();
    input(boxes[5]!, '6');
    await settle();
    expect(onCode).toHaveBeenCalledWith('123456');
  });

  it('a rejected code clears the boxes and focuses the first again; Continue with an incomplete code sends nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onCode = vi.fn(async () => {
      throw new Error('wrong');
    });
    const boxes = mount({ onCode });
    input(boxes[0]!, '111111');
    await settle();
    await settle();
    expect(onCode).toHaveBeenCalledTimes(1);
    expect(digits(boxes)).toBe('');
    expect(document.activeElement).toBe(boxes[0]);
    expect(root.querySelector('[role=alert]')!.textContent).toBe('unstable__errors.unknown');
    input(boxes[0]!, '12');
    act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(onCode).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.cl-formFieldErrorText__code')!.textContent).toBe('unstable__errors.form_param_missing');
  });
});

describe('CodeForm: resend', () => {
  it('counts down before a code can be sent again, then resends, says so and counts down anew', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onResend = vi.fn(async () => {});
    mount({ onCode: async () => {}, onResend, resendText: 'Resend' });
    const button = root.querySelector<HTMLButtonElement>('.cl-formResendCodeLink')!;
    expect(button.textContent).toBe(`Resend (${RESEND_SECONDS})`);
    expect(button.disabled).toBe(true);
    for (let s = 0; s < RESEND_SECONDS; s++) await act(async () => void (await vi.advanceTimersByTimeAsync(1000)));
    expect(button.textContent).toBe('Resend');
    expect(button.disabled).toBe(false);
    await act(async () => button.click());
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(onResend).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.cl-formResendCodeStatus')!.textContent).toBe('resendButton__sent');
    expect(button.textContent).toBe(`Resend (${RESEND_SECONDS})`);
    expect(button.disabled).toBe(true);
  });
});
