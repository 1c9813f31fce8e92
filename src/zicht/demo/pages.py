"""HTML of the demo ad site, with stable CSS classes for a crawler's site profile.

Selectors a profile can rely on: listing `li.ad-card a.ad-link`, next page
`a[rel=next]`, ad fields `h1.ad-title`, `div.ad-text`, `span.ad-advertiser`,
`span.ad-city`, `span.ad-age`, `span.ad-price`, `time.ad-posted[datetime]`,
`li.ad-phone`, `li.ad-email`, `li.ad-handle`, `img.ad-image[src]`; the site's
own number is in `footer.site-footer span.site-contact` on every page.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from zicht.demo.ads import START, Ad, Snapshot

SITE_NAME = "Rode Lantaarn Advertenties"
PAGE_SIZE = 24


def layout(title: str, body: str, site_phone: str, head: str = "") -> bytes:
    html = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{escape(title)} | {SITE_NAME}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
{head}</head>
<body>
<header class="site-header">
 <a class="site-logo" href="/">{SITE_NAME}</a>
 <nav class="site-nav"><a href="/ads">Alle advertenties</a> <a href="/cities">Steden</a>
 <a href="/private/account">Mijn account</a> <a href="/admin/">Beheer</a></nav>
 <div class="age-warning">18+ Alleen voor volwassenen / adults only</div>
</header>
<main class="site-main">
{body}
</main>
<footer class="site-footer">
 <p>Vragen of misbruik melden? Klantenservice:
 <span class="site-contact">{escape(site_phone)}</span> (ma-vr 9-17 uur)</p>
 <p class="disclaimer">{SITE_NAME} plaatst advertenties van adverteerders en is niet
 verantwoordelijk voor de inhoud. Alle adverteerders verklaren 18 jaar of ouder te zijn.</p>
</footer>
</body>
</html>
"""
    return html.encode("utf-8")


def pagination(base: str, page: int, pages: int) -> tuple[str, str]:
    """The pager's HTML and the matching `<link rel>` tags for the head."""
    sep = "&" if "?" in base else "?"
    links, head = [], []
    if page > 1:
        links.append(
            f'<a class="page-prev" rel="prev" href="{base}{sep}page={page - 1}">Vorige</a>'
        )
        head.append(f'<link rel="prev" href="{base}{sep}page={page - 1}">\n')
    links.append(f'<span class="page-current">Pagina {page} van {max(pages, 1)}</span>')
    if page < pages:
        links.append(
            f'<a class="page-next" rel="next" href="{base}{sep}page={page + 1}">Volgende</a>'
        )
        head.append(f'<link rel="next" href="{base}{sep}page={page + 1}">\n')
    return '<nav class="pagination">' + " ".join(links) + "</nav>", "".join(head)


def card(ad: Ad, snap: Snapshot) -> str:
    return (
        f'<li class="ad-card" data-id="{ad.id}"><a class="ad-link" href="{ad.path}">'
        f"{escape(snap.title)}</a> "
        f'<span class="ad-card-city">{escape(snap.city)}</span> '
        f'<span class="ad-card-price">&euro; {snap.price}</span></li>'
    )


def listing(
    title: str, items: list[tuple[Ad, Snapshot]], base: str, page: int, pages: int, site_phone: str
) -> bytes:
    pager, head = pagination(base, page, pages)
    cards = "\n".join(card(ad, snap) for ad, snap in items)
    heading = f'<h1 class="listing-title">{escape(title)}</h1>'
    body = f'{heading}\n<ul class="ad-list">\n{cards}\n</ul>\n{pager}'
    return layout(f"{title} - pagina {page}", body, site_phone, head)


def ad_page(ad: Ad, snap: Snapshot, site_phone: str) -> bytes:
    posted = escape(ad.posted_at)
    updated = (START + timedelta(days=snap.day)).strftime("%Y-%m-%d")
    phones = "".join(f'<li class="ad-phone">{escape(p)}</li>' for p in snap.phones)
    email = f'<li class="ad-email">{escape(ad.email)}</li>' if ad.email else ""
    handle = f'<li class="ad-handle">{escape(ad.handle)}</li>' if ad.handle else ""
    images = "".join(
        f'<img class="ad-image" src="/img/{i}.jpg" width="96" height="128" alt="foto {n}">'
        for n, i in enumerate(ad.images, start=1)
    )
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in snap.text.split("\n"))
    body = f"""<article class="ad" data-id="{ad.id}">
<h1 class="ad-title">{escape(snap.title)}</h1>
<div class="ad-meta">
 <span class="ad-advertiser">{escape(ad.advertiser)}</span>
 <span class="ad-city">{escape(snap.city)}</span>
 <span class="ad-age">{ad.age}</span> jaar
 <span class="ad-price">&euro; {snap.price}</span>
 Geplaatst: <time class="ad-posted" datetime="{posted}">{posted[:10]}</time>
 Bijgewerkt: <time class="ad-updated" datetime="{updated}">{updated}</time>
</div>
<div class="ad-gallery">{images}</div>
<div class="ad-text">{paragraphs}</div>
<ul class="ad-contact">{phones}{email}{handle}</ul>
<p class="ad-report"><a href="/private/report?ad={ad.id}">Meld deze advertentie</a></p>
</article>"""
    return layout(snap.title, body, site_phone)


def index(cities: list[tuple[str, str, int]], total: int, site_phone: str) -> bytes:
    links = "\n".join(
        f'<li><a class="city-link" href="/city/{slug}">{escape(name)}</a> ({count})</li>'
        for name, slug, count in cities
    )
    body = (
        f'<h1>Welkom</h1><p class="ad-total">{total} advertenties online. '
        f'<a class="all-ads" href="/ads">Bekijk alle advertenties</a></p>'
        f'\n<ul class="city-list">\n{links}\n</ul>'
    )
    return layout("Advertenties per stad", body, site_phone)


def message(title: str, text: str, site_phone: str) -> bytes:
    return layout(
        title, f'<h1>{escape(title)}</h1><p class="message">{escape(text)}</p>', site_phone
    )


CSS = b"""body{font-family:sans-serif;margin:0;background:#fafafa}
.site-header{background:#8b0000;color:#fff;padding:8px}.site-header a{color:#fff}
.ad-card{list-style:none;padding:6px;border-bottom:1px solid #ddd}
.ad-image{margin:2px}.site-footer{font-size:small;color:#666;padding:12px}
"""
