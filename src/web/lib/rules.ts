import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The e-mail field's rules, the same on every form that asks for an address. */
export function emailRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('validation.emailRequired') },
    { type: 'email', message: t('validation.emailInvalid') },
  ];
}
