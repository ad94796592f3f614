import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newSecret,
  newTicketId,
  parseTicketId,
  secretMatches,
  sha256,
  ticketAlphabet,
} from '../../functions/lib/escalations/ticket-id.ts';

describe('ticket references', () => {
  it('use no look-alike characters', () => {
    for (const character of '01OIL') expect(ticketAlphabet).not.toContain(character);
  });

  it('are canonical and survive being typed sloppily', () => {
    for (let i = 0; i < 500; i++) {
      const id = newTicketId();
      expect(id).toMatch(/^STR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(parseTicketId(id)).toBe(id);
      expect(parseTicketId(id.toLowerCase().replace(/-/g, ' '))).toBe(id);
      expect(parseTicketId(id.slice(4))).toBe(id);
    }
  });

  it('handles references that themselves begin with STR', () => {
    expect(parseTicketId('STR-STR2-MT9J')).toBe('STR-STR2-MT9J');
    expect(parseTicketId('str2mt9j')).toBe('STR-STR2-MT9J');
    expect(parseTicketId('STRSTR2MT9J')).toBe('STR-STR2-MT9J');
  });

  it('refuses anything that cannot be a reference', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const parsed = parseTicketId(value);
        if (parsed !== undefined) expect(parsed).toMatch(/^STR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      }),
    );
    for (const value of ['', 'STR-0000-0000', 'STR-ABCD', 'STR-ABCD-EFGH-JKMN', '../etc', undefined])
      expect(parseTicketId(value)).toBeUndefined();
  });
});

describe('ticket secrets', () => {
  it('match only their own hash', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretMatches(secret, sha256(secret))).toBe(true);
    expect(secretMatches(newSecret(), sha256(secret))).toBe(false);
    expect(secretMatches(undefined, sha256(secret))).toBe(false);
    expect(secretMatches('', sha256(''))).toBe(false);
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches(secret, 'short')).toBe(false);
  });
});
