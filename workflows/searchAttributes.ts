import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every workflow of ours sets, so workflows can be listed and filtered by
 * sensor, stage and business status in Temporal Web and through the API. The dev-server launcher
 * registers them from this list.
 */
export const SENSOR_ID = defineSearchAttributeKey('SensorId', SearchAttributeType.KEYWORD);
export const STAGE = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const BUSINESS_STATUS = defineSearchAttributeKey('BusinessStatus', SearchAttributeType.KEYWORD);
export const CORRELATION_ID = defineSearchAttributeKey('CorrelationId', SearchAttributeType.KEYWORD);

/** The API key that started the workflow, so the API can count a key's running workflows. */
export const STARTED_BY_KEY_ID = defineSearchAttributeKey('StartedByKeyId', SearchAttributeType.KEYWORD);

/** An alarm's severity and the person it is assigned to, so Temporal Web can list who has what. */
export const ALARM_SEVERITY = defineSearchAttributeKey('AlarmSeverity', SearchAttributeType.KEYWORD);
export const ASSIGNED_TO = defineSearchAttributeKey('AssignedTo', SearchAttributeType.KEYWORD);

export const ALL_SEARCH_ATTRIBUTES = [SENSOR_ID, STAGE, BUSINESS_STATUS, CORRELATION_ID, STARTED_BY_KEY_ID, ALARM_SEVERITY, ASSIGNED_TO];
