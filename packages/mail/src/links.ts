// Addresses in the web app that mails link to; one place, so the routes can change in one place.

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");

export const links = {
  home: (publicUrl: string) => `${base(publicUrl)}/`,
  offer: (publicUrl: string, id: string) => `${base(publicUrl)}/tilbud/${encodeURIComponent(id)}`,
  agreement: (publicUrl: string, id: string) => `${base(publicUrl)}/avtaler/${encodeURIComponent(id)}`,
  subscriptions: (publicUrl: string) => `${base(publicUrl)}/abonnementer`,
};
