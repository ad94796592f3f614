// The runtime configuration of the staff pages (/staff-config.json, written by the CDK deployment):
// only https URLs and a plausible client id are taken; anything else means token sign-in against
// the page's own origin.
import { describe, expect, it } from 'vitest';
import { parseStaffConfig } from '../../web/shared/staff-auth.ts';

const deployed = {
  api: 'https://abc123.execute-api.eu-central-1.amazonaws.com',
  auth: 'cognito',
  cognitoDomain: 'https://incident-faq-123456789012.auth.eu-central-1.amazoncognito.com',
  clientId: '1example23456789abcdefghij',
};
const tokenMode = { api: '', auth: 'token', cognitoDomain: '', clientId: '' };

describe('parseStaffConfig', () => {
  it('takes the deployed configuration as is', () => {
    expect(parseStaffConfig(deployed)).toEqual(deployed);
  });

  it('drops trailing slashes and keeps a path of the API', () => {
    expect(
      parseStaffConfig({
        ...deployed,
        api: 'https://faq-api.example.de/v2/',
        cognitoDomain: `${deployed.cognitoDomain}/`,
      }),
    ).toEqual({ ...deployed, api: 'https://faq-api.example.de/v2', cognitoDomain: deployed.cognitoDomain });
  });

  it('falls back to token sign-in on the same origin for a missing or malformed file', () => {
    for (const json of [undefined, null, 'cognito', 42, [], [deployed], {}]) {
      expect(parseStaffConfig(json), JSON.stringify(json)).toEqual(tokenMode);
    }
  });

  it('ignores API URLs that are not plain https', () => {
    for (const api of [
      'http://abc123.execute-api.eu-central-1.amazonaws.com',
      'javascript:alert(1)',
      'data:text/plain,x',
      '//evil.example',
      '/v1',
      'https://user:secret@api.example.de',
      'https://api.example.de/?next=x',
      'https://api.example.de/#x',
      'not a url',
      42,
      null,
    ]) {
      expect(parseStaffConfig({ ...deployed, api }).api, String(api)).toBe('');
    }
  });

  it('stays with token sign-in unless the Cognito domain and client id are valid', () => {
    for (const change of [
      { auth: 'token' },
      { auth: 'COGNITO' },
      { auth: undefined },
      { cognitoDomain: 'http://incident-faq.auth.eu-central-1.amazoncognito.com' },
      { cognitoDomain: 'javascript:alert(1)' },
      { cognitoDomain: '' },
      { cognitoDomain: undefined },
      { clientId: '' },
      { clientId: 'abc"><script>' },
      { clientId: 'a'.repeat(129) },
      { clientId: 123 },
    ]) {
      expect(parseStaffConfig({ ...deployed, ...change }), JSON.stringify(change)).toEqual({
        ...tokenMode,
        api: deployed.api,
      });
    }
  });

  it('ignores unknown keys', () => {
    expect(parseStaffConfig({ ...deployed, redirect: 'https://evil.example', debug: true })).toEqual(
      deployed,
    );
  });
});
