// Which service principal receives a role passed with an API action: the value AWS sets for iam:PassedToService, and
// the principal the role's trust policy must allow to assume it. Service principals are the ones each service documents
// for its service roles (Lambda execution role, ECS task role, EC2 instance profile role, ...); see
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html and
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService.
// An action not listed here is one this tool does not know to pass a role: the flow says so instead of guessing.
import * as l10n from '../localize';

export interface PassRoleService {
  /** the service principal, e.g. lambda.amazonaws.com */
  principal: string;
  /** what runs with the role, for explanations (in the language of the texts) */
  runs: () => string;
}

const LAMBDA: PassRoleService = { principal: 'lambda.amazonaws.com', runs: () => l10n.t('the Lambda function') };
const ECS_TASKS: PassRoleService = { principal: 'ecs-tasks.amazonaws.com', runs: () => l10n.t('the ECS task (its task role)') };
const EC2: PassRoleService = { principal: 'ec2.amazonaws.com', runs: () => l10n.t('the EC2 instance (its instance profile role)') };
const CLOUDFORMATION: PassRoleService = { principal: 'cloudformation.amazonaws.com', runs: () => l10n.t('the CloudFormation stack operations') };
const GLUE: PassRoleService = { principal: 'glue.amazonaws.com', runs: () => l10n.t('the Glue job or development endpoint') };
const CODEBUILD: PassRoleService = { principal: 'codebuild.amazonaws.com', runs: () => l10n.t('the CodeBuild project\'s builds') };
const SAGEMAKER: PassRoleService = { principal: 'sagemaker.amazonaws.com', runs: () => l10n.t('the SageMaker notebook or job') };
const DATAPIPELINE: PassRoleService = { principal: 'datapipeline.amazonaws.com', runs: () => l10n.t('the Data Pipeline') };
const STATES: PassRoleService = { principal: 'states.amazonaws.com', runs: () => l10n.t('the Step Functions state machine') };
const EVENTS: PassRoleService = { principal: 'events.amazonaws.com', runs: () => l10n.t('the EventBridge rule\'s targets') };
const BATCH: PassRoleService = { principal: 'batch.amazonaws.com', runs: () => l10n.t('the AWS Batch compute environment') };

/** Action → the service that receives the role. */
const TABLE: Record<string, PassRoleService> = {
  'lambda:CreateFunction': LAMBDA,
  'lambda:UpdateFunctionConfiguration': LAMBDA,
  'ecs:RunTask': ECS_TASKS,
  'ecs:StartTask': ECS_TASKS,
  'ecs:RegisterTaskDefinition': ECS_TASKS,
  'batch:RegisterJobDefinition': ECS_TASKS,
  'ec2:RunInstances': EC2,
  'ec2:AssociateIamInstanceProfile': EC2,
  'ec2:ReplaceIamInstanceProfileAssociation': EC2,
  'cloudformation:CreateStack': CLOUDFORMATION,
  'cloudformation:UpdateStack': CLOUDFORMATION,
  'cloudformation:CreateChangeSet': CLOUDFORMATION,
  'cloudformation:CreateStackSet': CLOUDFORMATION,
  'glue:CreateJob': GLUE,
  'glue:UpdateJob': GLUE,
  'glue:CreateDevEndpoint': GLUE,
  'codebuild:CreateProject': CODEBUILD,
  'codebuild:UpdateProject': CODEBUILD,
  'sagemaker:CreateNotebookInstance': SAGEMAKER,
  'sagemaker:CreateTrainingJob': SAGEMAKER,
  'sagemaker:CreateProcessingJob': SAGEMAKER,
  'datapipeline:CreatePipeline': DATAPIPELINE,
  'datapipeline:PutPipelineDefinition': DATAPIPELINE,
  'states:CreateStateMachine': STATES,
  'states:UpdateStateMachine': STATES,
  'events:PutRule': EVENTS,
  'events:PutTargets': EVENTS,
  'batch:CreateComputeEnvironment': BATCH,
};

/** The service that receives a role passed with `action`, or undefined when this tool does not know one. */
const BY_LOWER = new Map(Object.entries(TABLE).map(([a, s]) => [a.toLowerCase(), s]));

export function passRoleServiceOf(action: string): PassRoleService | undefined {
  return BY_LOWER.get(action.toLowerCase());
}

/** The actions of the table, for messages and for whole-model questions. */
export function passRoleActions(): string[] {
  return Object.keys(TABLE);
}
