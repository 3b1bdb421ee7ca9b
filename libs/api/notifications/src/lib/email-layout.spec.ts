import { escapeHtml, renderEmail } from './email-layout';

describe('renderEmail', () => {
  it('escapes user text in the HTML body and keeps it readable in the text body', () => {
    const email = renderEmail({
      subject: 'Rejected',
      heading: 'Your rotation request was rejected',
      paragraphs: ['Comment: <script>alert("x")</script> & more'],
      action: { label: 'Open the request', url: 'http://localhost:3000/requests/1?a=1&b=2' },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(email.html).toContain('href="http://localhost:3000/requests/1?a=1&amp;b=2"');
    expect(email.text).toContain('Comment: <script>alert("x")</script> & more');
    expect(email.text).toContain('Open the request: http://localhost:3000/requests/1?a=1&b=2');
  });

  it('lists facts and sections in both bodies', () => {
    const email = renderEmail({
      subject: 's',
      heading: 'h',
      paragraphs: [],
      facts: [['Team', 'EMEA Enterprise']],
      sections: [{ title: 'Overdue check-ins', lines: ['Pat — weekly, 2027-01-11'] }],
    });
    expect(email.text).toContain('Team: EMEA Enterprise');
    expect(email.text).toContain('  - Pat — weekly, 2027-01-11');
    expect(email.html).toContain('<li>Pat — weekly, 2027-01-11</li>');
  });

  it('escapes every HTML-special character', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });
});
