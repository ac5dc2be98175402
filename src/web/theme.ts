import type { ThemeConfig } from 'antd';

export const BRAND = {
  primary: '#0b7a85',
  primaryDark: '#07545c',
  siderBg: '#0b2530',
  siderItemBg: '#0b2530',
  accent: '#2f9bd6',
};

export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"PingFang TC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Microsoft JhengHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans CJK TC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorInfo: BRAND.primary,
    colorLink: BRAND.primary,
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f3f6f8',
  },
  components: {
    Layout: {
      siderBg: BRAND.siderBg,
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
    },
    Menu: {
      darkItemBg: BRAND.siderItemBg,
      darkSubMenuItemBg: BRAND.siderItemBg,
      darkItemSelectedBg: BRAND.primary,
      darkGroupTitleColor: 'rgba(255,255,255,0.45)',
      itemBorderRadius: 6,
    },
    Card: {
      headerFontSize: 15,
    },
    Table: {
      headerBg: '#f5f8fa',
    },
  },
};
