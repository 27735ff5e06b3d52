// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieAttributes } from './dev-browser.js';

const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

afterEach(() => {
  vi.restoreAllMocks();
  happyDOM().setURL('http://localhost:3000/');
});

describe('cookieAttributes', () => {
  it('http: only SameSite (a Secure cookie would be dropped)', () => {
    expect(cookieAttributes('Lax')).toBe('SameSite=Lax');
    expect(cookieAttributes('Strict')).toBe('SameSite=Strict');
  });
  it('https: Secure', () => {
    happyDOM().setURL('https://app.example/');
    expect(cookieAttributes('Lax')).toBe('SameSite=Lax; Secure');
    expect(cookieAttributes('Strict')).toBe('SameSite=Strict; Secure');
  });
  it('https inside a cross-origin iframe: SameSite=None; Secure, as ClerkJS', () => {
    happyDOM().setURL('https://app.example/');
    const foreignTop = {
      get location(): Location {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    };
    vi.spyOn(window, 'top', 'get').mockReturnValue(foreignTop as unknown as Window);
    expect(cookieAttributes('Strict')).toBe('SameSite=None; Secure');
  });
});
