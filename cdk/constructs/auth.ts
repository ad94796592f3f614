import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { Group } from '../../functions/lib/definitions/routes.ts';
import type { AppConfig } from '../config.ts';

/** The staff groups; route definitions name them in `group`. */
export const staffGroups: Record<Group, string> = {
  dpo: 'Data protection officer: reads and answers forwarded questions',
  editor: 'Editor: maintains the knowledge base',
};

/** The staff pages that sign in through the hosted UI: each is its own callback and logout URL. */
export const staffPagePaths = ['/inbox', '/editor'] as const;

export interface AuthProps {
  config: AppConfig;
  /**
   * Base URL of the staff pages (`https://<web domain>`, no trailing slash). May be a lazy token:
   * the client references the distribution, never the other way round.
   */
  webUrl: string;
}

/**
 * Staff sign-in: a Cognito user pool without self sign-up (administrators invite staff), TOTP
 * MFA required for everyone, and one group per staff role. The staff pages sign in through the
 * hosted UI on a Cognito prefix domain with the authorization code grant and PKCE (public
 * client, no secret).
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the hosted UI and token endpoint. */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'StaffUserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      userInvitation: {
        emailSubject: 'Ihr Zugang zum FAQ-Assistenten / Your FAQ assistant account',
        emailBody:
          'Benutzername / user name: {username}<br>Vorläufiges Passwort / temporary password: {####}<br>' +
          'Bitte melden Sie sich an und richten Sie die Zwei-Faktor-Anmeldung ein. / ' +
          'Please sign in and set up two-factor authentication.',
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: compromised-credential and adaptive-authentication protection for the few staff accounts.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [group, description] of Object.entries(staffGroups)) {
      new cognito.CfnUserPoolGroup(this, `${group}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description,
      });
    }

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.config.authDomainPrefix ?? `incident-faq-${Aws.ACCOUNT_ID}` },
    });
    this.domainUrl = this.domain.baseUrl();

    const pageUrls = staffPagePaths.map((page) => `${props.webUrl}${page}`);
    this.userPoolClient = this.userPool.addClient('StaffClient', {
      // A public client in the browser: PKCE instead of a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: pageUrls,
        logoutUrls: pageUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
