import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { Group } from '../../functions/lib/definitions/routes.ts';

/** The staff groups; route definitions name them in `group`. */
export const staffGroups: Record<Group, string> = {
  dpo: 'Data protection officer: reads and answers forwarded questions',
  editor: 'Editor: maintains the knowledge base',
};

/**
 * Staff sign-in: a Cognito user pool without self sign-up (administrators invite staff), TOTP
 * MFA required for everyone, and one group per staff role.
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string) {
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

    this.userPoolClient = this.userPool.addClient('StaffClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      // The staff pages sign in with SRP; no hosted UI, so no OAuth flows or callback URLs.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
