import { App } from 'antd';
import type { FormInstance } from 'antd';
import { createElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../services/api';

/** The user-facing text of an error: its code translated, else the server's message. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_error') return t('common.networkError');
    const minutes = /(\d+)/.exec(error.message)?.[1];
    if (error.code === 'account_locked' && !minutes) return error.message;
    return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.internal_error'), minutes: minutes ?? '' });
  }
  return t('errors.internal_error');
}

/**
 * A field message from the server: usually already translated, but some are stable keys
 * (`slug_taken`, `invitation_open`); those are looked up in the locale files.
 */
export function fieldText(t: TFunction, message: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(message)) return message;
  for (const key of [`fieldErrors.${message}`, `errors.${message}`]) {
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return message;
}

/**
 * Shows an API error: field errors at the form's fields (when a form is given and the
 * server named fields), otherwise a toast with the translated message; 5xx errors name
 * the request id so support can find the log line.
 */
export function useApiErrorHandler() {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();

  return useCallback(
    <Values>(error: unknown, form?: FormInstance<Values>, fieldNames?: readonly string[]) => {
      if (error instanceof ApiError && error.fields) {
        const entries = Object.entries(error.fields);
        const known = form ? entries.filter(([name]) => !fieldNames || fieldNames.includes(name.split('.')[0] ?? name)) : [];
        if (form && known.length > 0) {
          form.setFields(known.map(([name, text]) => ({ name: name.split('.') as never, errors: [fieldText(t, text)] })));
        }
        const rest = entries.filter(([name]) => !known.some(([k]) => k === name));
        if (rest.length > 0) void message.error(rest.map(([, text]) => fieldText(t, text)).join(' · '));
        if (entries.length > 0) return;
      }
      if (error instanceof ApiError && (error.status >= 500 || error.status === 0)) {
        notification.error({
          title: errorText(t, error),
          description: error.requestId
            ? createElement('span', { className: 'request-id' }, t('common.requestId', { id: error.requestId }))
            : undefined,
        });
        return;
      }
      void message.error(errorText(t, error));
    },
    [message, notification, t],
  );
}
