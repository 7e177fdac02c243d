// Every validation rule, in reporting order. Add a rule by adding its file and listing it here.
import type { Rule } from '../rule';
import { jsonSyntax } from './jsonSyntax';
import { invalidElement } from './invalidElement';
import { duplicateKey } from './duplicateKey';
import { missingStatement } from './missingStatement';
import { effect } from './effect';
import { missingAction } from './missingAction';
import { missingResource } from './missingResource';
import { elementCombination } from './elementCombination';
import { invalidVersion } from './invalidVersion';
import { missingVersion } from './missingVersion';
import { duplicateSid } from './duplicateSid';
import { sidFormat } from './sidFormat';
import { emptyValue } from './emptyValue';
import { dataType } from './dataType';
import { invalidCharacters } from './invalidCharacters';
import { principalNotAllowed } from './principalNotAllowed';
import { principalMissing } from './principalMissing';
import { notPrincipalUnsupported } from './notPrincipalUnsupported';
import { trustResource } from './trustResource';
import { trustAction } from './trustAction';
import { rcpRules } from './rcpRules';
import { unknownService } from './unknownService';
import { unknownAction } from './unknownAction';
import { apiOperationName } from './apiOperationName';
import { wildcardMatchesNothing } from './wildcardMatchesNothing';
import { actionFormat } from './actionFormat';
import { wildcardInService } from './wildcardInService';
import { unknownOperator } from './unknownOperator';
import { unknownConditionKey } from './unknownConditionKey';
import { conditionKeyNotApplicable } from './conditionKeyNotApplicable';
import { operatorTypeMismatch } from './operatorTypeMismatch';
import { invalidConditionValue } from './invalidConditionValue';
import { setOperatorSingleValued } from './setOperatorSingleValued';
import { missingSetQualifier } from './missingSetQualifier';
import { wildcardWithoutLike } from './wildcardWithoutLike';
import { nullOperator } from './nullOperator';
import { duplicateConditionKey } from './duplicateConditionKey';
import { privateIp } from './privateIp';
import { mfaPresentFalse } from './mfaPresentFalse';
import { arnFormat } from './arnFormat';
import { resourceMismatch } from './resourceMismatch';
import { starOnlyAction } from './starOnlyAction';
import { actionResourceMismatch } from './actionResourceMismatch';
import { principalFormat } from './principalFormat';
import { principalWildcard } from './principalWildcard';
import { principalUniqueId } from './principalUniqueId';
import { variableSyntax } from './variableSyntax';
import { variableNotAllowed } from './variableNotAllowed';
import { variableVersion } from './variableVersion';
import { variableKey } from './variableKey';
import { policySizeRule } from './policySize';
import { largeDocument } from './largeDocument';
import { passRoleWildcard } from './passRoleWildcard';
import { createSlrWildcard } from './createSlrWildcard';
import { allowNotActionResource } from './allowNotActionResource';
import { allowNotPrincipal } from './allowNotPrincipal';
import { publicPrincipal } from './publicPrincipal';
import { oidcMissingConditions } from './oidcMissingConditions';
import { githubOidcRepo } from './githubOidcRepo';
import { passRoleInTrust } from './passRoleInTrust';
import { assumeRoleResource } from './assumeRoleResource';
import { passRoleNoService } from './passRoleNoService';
import { redundantAction } from './redundantAction';
import { redundantStatement } from './redundantStatement';

export const RULES: readonly Rule[] = [
  jsonSyntax, invalidElement, duplicateKey, missingStatement, effect, missingAction, missingResource, elementCombination,
  invalidVersion, missingVersion, duplicateSid, sidFormat, emptyValue, dataType, invalidCharacters,
  principalNotAllowed, principalMissing, notPrincipalUnsupported, trustResource, trustAction, rcpRules,
  unknownService, unknownAction, apiOperationName, wildcardMatchesNothing, actionFormat, wildcardInService,
  unknownOperator, unknownConditionKey, conditionKeyNotApplicable, operatorTypeMismatch, invalidConditionValue,
  setOperatorSingleValued, missingSetQualifier, wildcardWithoutLike, nullOperator, duplicateConditionKey, privateIp, mfaPresentFalse,
  arnFormat, resourceMismatch, starOnlyAction, actionResourceMismatch,
  principalFormat, principalWildcard, principalUniqueId,
  variableSyntax, variableNotAllowed, variableVersion, variableKey,
  policySizeRule, largeDocument,
  passRoleWildcard, createSlrWildcard, allowNotActionResource, allowNotPrincipal, publicPrincipal, oidcMissingConditions, githubOidcRepo,
  passRoleInTrust, assumeRoleResource, passRoleNoService,
  redundantAction, redundantStatement,
];
