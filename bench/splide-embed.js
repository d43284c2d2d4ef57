/*
 * splide-embed.js: the benchmark's reference, a minimal single-script story
 * carousel built on Splide 4, embedded the way a page would embed it:
 *
 *   <link rel="stylesheet" href="…/splide.min.css">
 *   <script src="…/splide.min.js" defer></script>
 *   <script src="…/splide-embed.js" data-feed="…" data-audience="residents" defer></script>
 *
 * It renders where its script tag stands: it fetches the JSON Feed, keeps the
 * stories of the view (the same rules as saman-stories: no audience = all,
 * an unknown audience drops the story), builds one slide per story (image,
 * title link, summary, date) and mounts Splide with autoplay every 7 s, a
 * play/pause button first, pause on hover and focus, live announcements,
 * Norwegian labels, no motion under reduced motion, and lazy images (only
 * the visible and nearby slides load theirs). Pagination dots are off, as
 * saman-stories has none. Every story's slide is in the DOM: that is how
 * Splide works.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var feedUrl = new URL(script.getAttribute('data-feed'), document.baseURI);
  var audience = script.getAttribute('data-audience') || 'residents';
  var AUDIENCES = { residents: ['residents', 'all'], colleagues: ['colleagues', 'all'], all: ['residents', 'colleagues', 'all'] };
  var dateFormat = new Intl.DateTimeFormat('nb', { dateStyle: 'long' });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Only http(s) URLs, resolved against the feed's URL. */
  function httpUrl(value) {
    if (!value) return null;
    try {
      var url = new URL(value, feedUrl);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function storiesOf(feed) {
    var shown = AUDIENCES[audience] || AUDIENCES.residents;
    var feedAudience = (feed._saman && feed._saman.audience) || 'all';
    return (feed.items || []).filter(function (item) {
      var itemAudience = (item._saman && item._saman.audience) || feedAudience;
      return item.id && item.title && shown.indexOf(itemAudience) !== -1;
    });
  }

  function slide(item) {
    var story = element('article', 'embed-story');
    var image = httpUrl(item.image || item.banner_image);
    if (image) {
      var img = element('img', 'embed-image');
      img.setAttribute('data-splide-lazy', image);
      img.alt = (item._saman && item._saman.image_alt) || '';
      img.width = 400;
      img.height = 300;
      img.style.cssText = 'display:block;max-width:100%;height:auto';
      story.appendChild(img);
    }
    var title = element('h3', 'embed-title');
    var link = httpUrl(item.url || item.external_url);
    if (link) {
      var anchor = element('a', null, item.title);
      anchor.href = link;
      title.appendChild(anchor);
    } else {
      title.textContent = item.title;
    }
    story.appendChild(title);
    story.appendChild(element('p', 'embed-summary', item.summary || item.content_text || ''));
    if (item.date_published) {
      var time = element('time', null, dateFormat.format(new Date(item.date_published)));
      time.dateTime = item.date_published;
      var date = element('p', 'embed-date');
      date.appendChild(time);
      story.appendChild(date);
    }
    var li = element('li', 'splide__slide');
    li.appendChild(story);
    return li;
  }

  function toggleButton() {
    var button = element('button', 'splide__toggle');
    button.type = 'button';
    button.appendChild(element('span', 'splide__toggle__play', 'Start'));
    button.appendChild(element('span', 'splide__toggle__pause', 'Pause'));
    return button;
  }

  function mount(root, items) {
    var list = element('ul', 'splide__list');
    var slides = document.createDocumentFragment();
    items.forEach(function (item) { slides.appendChild(slide(item)); });
    list.appendChild(slides);
    var track = element('div', 'splide__track');
    track.appendChild(list);
    root.appendChild(toggleButton());
    root.appendChild(track);
    new window.Splide(root, {
      rewind: true,
      autoplay: true,
      interval: 7000,
      pauseOnHover: true,
      pauseOnFocus: true,
      pagination: false,
      keyboard: 'focused',
      live: true,
      lazyLoad: 'nearby',
      reducedMotion: { speed: 0, rewindSpeed: 0, autoplay: 'pause' },
      i18n: {
        prev: 'Førre historie',
        next: 'Neste historie',
        first: 'Gå til første historie',
        last: 'Gå til siste historie',
        slideX: 'Gå til historie %s',
        play: 'Start automatisk bytte',
        pause: 'Stopp automatisk bytte',
        carousel: 'karusell',
        slide: 'historie',
        slideLabel: '%s av %s',
      },
    }).mount();
  }

  var root = element('section', 'splide');
  root.setAttribute('aria-label', script.getAttribute('data-label') || 'Historier for innbyggjarar');
  script.parentNode.insertBefore(root, script.nextSibling);

  fetch(feedUrl)
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (feed) { mount(root, storiesOf(feed)); })
    .catch(function (error) {
      root.textContent = 'Historiene kunne ikkje lastast.';
      root.style.visibility = 'visible';
      console.error('splide-embed: ' + feedUrl.href + ': ' + error);
    });
})();
