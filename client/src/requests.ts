// The custom request names of server/src/protocol.ts. The client imports that file for types only (architecture.md),
// so the names are declared again here, once; each is typed as the server's literal, so a rename there fails tsc here.
import type * as protocol from '../../server/src/protocol';

export const CatalogInfoRequest: typeof protocol.CatalogInfoRequest = 'iamPolicy/catalogInfo';
export const PolicyTypeRequest: typeof protocol.PolicyTypeRequest = 'iamPolicy/policyType';
export const SetPolicyTypeNotification: typeof protocol.SetPolicyTypeNotification = 'iamPolicy/setPolicyType';
export const SimulateRequest: typeof protocol.SimulateRequest = 'iamPolicy/simulate';
export const ActionSuggestionsRequest: typeof protocol.ActionSuggestionsRequest = 'iamPolicy/actionSuggestions';
export const PolicyStatementsRequest: typeof protocol.PolicyStatementsRequest = 'iamPolicy/policyStatements';
export const ScenarioResultsRequest: typeof protocol.ScenarioResultsRequest = 'iamPolicy/scenarioResults';
export const ModelListRequest: typeof protocol.ModelListRequest = 'iamPolicy/modelList';
export const EffectivePermissionsRequest: typeof protocol.EffectivePermissionsRequest = 'iamPolicy/effectivePermissions';
export const ManagedPolicyRequest: typeof protocol.ManagedPolicyRequest = 'iamPolicy/managedPolicy';
export const MANAGED_POLICY_SCHEME: typeof protocol.MANAGED_POLICY_SCHEME = 'iam-aws-managed';
export const WhoCanRequest: typeof protocol.WhoCanRequest = 'iamPolicy/whoCan';
export const EscalationPathsRequest: typeof protocol.EscalationPathsRequest = 'iamPolicy/escalationPaths';
export const WorkspaceModelNotification: typeof protocol.WorkspaceModelNotification = 'iamPolicy/workspaceModel';
