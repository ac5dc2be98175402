import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../services/api';
import type { SessionInfo, User } from '../services/types';
import { LANGUAGES, type Language } from '../i18n';
import { SESSION_KEY } from '../lib/session';

/** Names of the languages, each in itself, so anyone can find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    async (lang: Language) => {
      await i18n.changeLanguage(lang);
      const session = queryClient.getQueryData<SessionInfo>(SESSION_KEY);
      if (session?.user && session.user.locale !== lang) {
        try {
          const user = await api.patch<User>('/api/me', { locale: lang });
          queryClient.setQueryData<SessionInfo>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
        } catch {
          // The language still changes here; the account keeps its old preference.
        }
      }
    },
    [i18n, queryClient],
  );
}

export function LanguageSwitch({ light = false, compact = false }: { light?: boolean; compact?: boolean }) {
  const { i18n, t } = useTranslation();
  const change = useChangeLanguage();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: LANGUAGES.map((lang) => ({
          key: lang,
          label: <span data-testid={`lang-${lang}`}>{LANGUAGE_NAMES[lang]}</span>,
        })),
        onClick: ({ key }) => void change(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('common.language')}
        data-testid="language-switch"
        style={light ? { color: '#fff' } : undefined}
      >
        {!compact && LANGUAGE_NAMES[current]}
      </Button>
    </Dropdown>
  );
}
