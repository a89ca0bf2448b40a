import type { ThemeConfig } from 'antd';

/** Deep navy for the frame, teal for actions: calm and readable on a leader's large screen. */
export const NAVY = '#0b2e4f';
export const TEAL = '#0e6377';

export const FONT_FAMILY =
  '"Noto Sans", "Be Vietnam Pro", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans Symbols", system-ui, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: TEAL,
    colorInfo: TEAL,
    colorInfoBg: '#e8f4f7',
    colorInfoBorder: '#a8d3de',
    colorLink: TEAL,
    colorBgLayout: '#f3f6f9',
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    lineHeight: 1.6,
  },
  components: {
    Layout: { headerBg: NAVY, headerHeight: 68, headerPadding: '0 24px', siderBg: '#ffffff', triggerBg: '#e8eef3', triggerColor: NAVY },
    Menu: { itemHeight: 44, itemSelectedBg: '#e3f0f3', itemSelectedColor: TEAL, subMenuItemBg: '#ffffff' },
    Table: { headerBg: '#eef3f7', headerColor: NAVY, rowHoverBg: '#f5fafb' },
    Card: { headerFontSize: 17 },
  },
};
