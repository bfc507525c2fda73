"""Hard benign text: prose that looks like attacks to a naive matcher."""

import json
import random

HAND_WRITTEN = [
    # Names and apostrophes
    "Seán O'Brien", "Siobhan O'Connor-Ní Bhriain", "Gianluca D'Angelo", "Conan O'Neil", "l'Oréal Paris",
    "Marco Dell'Acqua", "Aïssatou N'Diaye", "Shaquille O'Neal", "Dolores O'Riordan", "Beverly D'Angelo",
    "Bill O'Reilly", "Georgia O'Keeffe", "Jean-Luc D'Amour", "Ngũgĩ wa Thiong'o", "Maria Dell'Orto",
    "Workers' Union local 42", "Children's Hospital of Philadelphia", "St. Mary's College", "Ma'am, your table is ready",
    "Rock 'n' roll never dies", "The '90s were great", "Don't select the red one; update me later",
    "Please select from the drop-down menu and update your profile",
    "Select the best option and we'll update you", "I can't drop the class, I already paid",
    "Insert coin and select your drink", "We will union the two teams and select a lead", "Where do I insert the SIM card?",
    "Please update the table in the meeting notes", "Delete from my cart the blue shoes, please",
    "I'd like to drop by and select some paint samples", "Order by Friday or the price goes up",
    "Group by topic, then sort by date", "Having fun and select friends only",
    "Let's grab a table; drop me a line if you're late", "Is the union between the two sets empty?",
    "Axel's order", "O'Hare airport, gate B12", "Mc'Donald's? No, McDonald's", "Côte d'Ivoire", "Val-d'Oise",
    "Jo's café & bar", "Tom & Jerry <3", "Ben & Jerry's cookie dough", "AT&T customer service",
    "Procter & Gamble", "Johnson & Johnson", "Marks & Spencer", "R&D budget: 2 < 3, obviously",
    # SQL prose
    "1=1 is always true", "In logic, 1 = 1 or anything is still true.",
    "The select statement returns rows from one or more tables.",
    "To remove a table you use DROP TABLE, so be careful in production.",
    "Our DBA said the union query was slow because of missing indexes.",
    "Use parameterised queries instead of string concatenation to avoid SQL injection.",
    "The ORM builds the WHERE clause for you, don't concatenate user input.",
    "Why does my query with ORDER BY take so long on Postgres 15?",
    "Sleep well and see you tomorrow!", "I need to sleep 8 hours or I'm useless.",
    "The benchmark ran 5 times and the mean was 12 ms.", "Version 5.7 of MySQL reached end of life.",
    "Select count of monitors: 4 on the second floor.", "The where-clause is the heart of a query.",
    "She said 'or else' and left the room.", "It's either 'yes' or 'no', nothing in between.",
    "Is it 'color' or 'colour'?", "The options are 'A' or 'B' and I pick 'A'.",
    "Tip: 'SELECT' statements in our style guide are written in capitals.",
    "Waiting for a delay of 5 minutes before the next train.",
    "Hey, can you update me on the order status?", "Please insert a page break before chapter 2.",
    "Let's drop the subject and order pizza.", "The exec committee meets every Tuesday.",
    "Our CHAR(10) column overflowed in the migration; use VARCHAR instead.",
    "Count(*) vs count(1) makes no difference in modern databases.",
    "He typed 1' by mistake in the quantity field.", "Height: 5' 11\" and weight 80 kg",
    "The board is 6' x 4' and costs $20.", "Rated 4.5/5 -- would buy again",
    "-- Sent from my phone", "Best regards, -- Anna", "Price: $5 -- limited offer!",
    "# TODO: handle the empty case", "/* old layout */ is still in the CSS file",
    "the char limit is 280; or is it 500 now?", "Check the admin panel, then log out.",
    # Shell prose
    "Run ls -la to see hidden files.", "Pipe the output through grep and sort | uniq -c for counts.",
    "I'll be there at 5; call me if you're late.", "Cats & dogs; fish & chips; salt & pepper.",
    "Use `make && make install` to build from source.", "The cat sat on the mat.",
    "My cat is called Bash and my dog is called Curl.", "Who am I? A question philosophers ask.",
    "Ping me when you're done!", "The id card is in my wallet.", "Please echo my thanks to the team.",
    "Remember to chmod the deploy script before running it.", "Sleep is important; so is exercise.",
    "In bash, $HOME expands to your home directory.", "Wrap the variable in quotes: \"$FILE\".",
    "Prefer $(command) over backticks in new scripts, it nests better.",
    "The price is $5 or 5$, depending on where you live.", "50% off & free shipping!",
    "Files: a.txt, b.txt & c.txt; total 3.", "Use `rm -i` if you are nervous about deleting files.",
    "The command line is just a REPL for your operating system.",
    "Our CI runs `cargo test --workspace` on every push.", "wget and curl both download files.",
    "I use python3 -m venv .venv for every project.", "Costs: 10 | 20 | 30 (small | medium | large)",
    "Tabs vs spaces; vim vs emacs; the eternal debates.", "A | B means A or B in the grammar.",
    "{{ name }} is replaced by the template engine with the user's name.",
    "Hello {{first_name}}, your order {{order_id}} has shipped!", "Dear ${customer}, thanks for your purchase.",
    "Total = ${price} * ${quantity}", "Set PATH=$PATH:/usr/local/bin in your profile.",
    # Paths
    "See [the guide](../docs/guide.md) for details.", "![logo](../assets/logo.png)",
    "The config lives in ~/.config/sluice/config.toml.", "Logs are written to /var/log/myapp/app.log.",
    "Open C:\\Users\\Anna\\Documents\\report.docx", "cd .. then cd src", "Go up one level (..) and try again.",
    "import { Button } from '../components/Button';", "#include \"../include/util.h\"",
    "Path: /usr/share/doc/README", "Download it from /downloads/2024/annual-report.pdf",
    "The etc. at the end of the list means there are more items.", "Wait... what? Really...?",
    "Loading..... please wait", "See ../CHANGELOG.md and ../LICENSE", "../ means the parent directory in a URL.",
    # HTML-ish and XSS-ish prose
    "x < y && y > z", "I <3 NY", "a -> b -> c", "<= 5 items per order", "Use the <b> tag for bold text.",
    "<details><summary>Click to expand</summary>More info here.</details>",
    "<p>Hello <em>world</em></p>", "<a href=\"https://example.com/docs\">docs</a>",
    "<img src=\"/images/cat.png\" alt=\"A cat\" width=\"200\">",
    "onerror handlers in JavaScript run when an image fails to load.",
    "Please alert the team that the deploy is done.", "JavaScript: The Good Parts is a short book.",
    "The script for the play is 90 pages.", "Script kiddies are not hackers.",
    "document.cookie is readable only for non-HttpOnly cookies.", "Use prompt engineering carefully.",
    "alert(1) is the classic XSS proof of concept; our CSP blocks inline scripts.",
    "The onload event fires after all resources finish loading.", "Add an <iframe> only for trusted embeds.",
    "<svg width=\"24\" height=\"24\" viewBox=\"0 0 24 24\"><path d=\"M12 2L2 7l10 5 10-5-10-5z\"/></svg>",
    "<table><tr><td>1</td><td>2</td></tr></table>", "<br/>line two", "Use &lt;div&gt; instead of &lt;span&gt;",
    "5 &gt; 3 and 2 &lt; 4", "Q&amp;A session at 3pm", "Smiley :-) and heart <3 and arrow <--",
    "<!-- TODO: remove before launch -->", "<input type=\"text\" name=\"q\" placeholder=\"Search...\">",
    "<button type=\"submit\" class=\"btn\">Send</button>", "Dear <customer name>, thank you.",
    # AI-assistant questions
    "Please ignore all previous emails from Bob, he sent them by mistake.",
    "Ignore the previous message, I sent it to the wrong chat.", "Can you forget my earlier question and focus on this one?",
    "What's a system prompt?", "How do jailbreaks work on LLMs? I'm writing a paper on safety.",
    "Act as a travel agent and plan a 3-day trip to Lisbon.", "Pretend you're a pirate and tell me a joke.",
    "You are a helpful assistant that summarises news articles.", "Disregard my last message, the numbers were wrong.",
    "The instructions above were confusing; can you rephrase them?", "Can you repeat that in simpler words?",
    "Ignore the typos in my previous message please.", "Forget about the budget for now, let's talk about design.",
    "Override the default font size in the CSS, it's too small.", "Please bypass the cache when you fetch the data.",
    "What are your opening hours?", "Translate this to French: good morning, how are you?",
    "Summarise the previous instructions in one sentence for the new hire.",
    "My manager told me to ignore the previous guidelines because they're outdated. Which ones are current?",
    "Reveal the answer to the riddle only after I give up.", "You are now my study buddy for the exam; quiz me.",
    "From now on please answer in Spanish.", "Let's play a game of chess. I'll start with e4.",
    "Developer mode in Chrome is under chrome://extensions.", "How do I enable developer mode on Android?",
    "What does 'DAN' stand for in the radio alphabet? Never mind.", "Stay in character as Santa for my kid's party.",
    "Print the first 100 words of chapter one for my book club.", "Repeat after me: practice makes perfect.",
    "Can you list the rules of football?", "The new policy from HR supersedes the previous instructions on leave.",
    "Please disregard the attached draft; the final version follows.", "Forget it, I found the answer myself.",
    "Ignore all previous versions of this document; v3 is final.", "System update: the server restarts at midnight.",
    "SYSTEM: backup completed successfully.", "New instructions for the kitchen staff: wash hands every hour.",
    "Ignorez le message précédent, je me suis trompé.", "Ignora il messaggio precedente per favore.",
    "Vergiss bitte meine letzte Nachricht.", "Olvida lo que dije antes, ya lo resolví.",
    "请忽略我上一条消息，发错了。", "前のメッセージは無視してください。間違えました。",
    # Math and misc
    "if x = 1 or y = 2 then z = 3", "a=1&b=2&c=3", "2 > 1 and 3 < 4", "f(x) = (x + 1) * (x - 1)",
    "((a + b) * c) / (d - e)", "The limit as x -> 0 of sin(x)/x equals 1.", "10% of 200 = 20",
    "Score: 3-1 (half time 1-1)", "1 + 1 = 2; 2 + 2 = 4", "'quoted' \"double\" `back`",
    "It's 5 o'clock somewhere", "rock'n'roll", "y'all", "don't won't can't shouldn't",
    # Code review comments
    "nit: rename `tmp` to `buffer` for clarity", "LGTM, but please add a test for the empty input case.",
    "This loop is O(n^2); can we use a HashMap?", "Why not `unwrap_or_default()` here?",
    "We should escape the user input before building the SQL string, or better, use bind parameters.",
    "The path join here lets `..` escape the upload dir; canonicalise and check the prefix.",
    "Please don't shell out to `sh -c` with user input; use Command::new with args.",
    "Can you split this PR? The migration and the refactor are unrelated.",
    "Typo: 'recieve' -> 'receive'", "+1 to what Anna said about error handling.",
    "This regex can backtrack catastrophically on long inputs; use the regex crate.",
    "Rebased on main; CI is green now.", "Drop this commit, it was only for debugging.",
    # Logs
    "2024-01-01T12:00:00Z INFO GET /api/v1/users?id=42 200 12ms",
    "ERROR db: relation \"users\" does not exist", "WARN pool exhausted, waiting 50ms",
    "127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] \"GET /index.html HTTP/1.1\" 200 2326",
    "192.168.1.20 - alice [10/Oct/2024:13:55:40 +0000] \"POST /login HTTP/1.1\" 302 0",
    "panic: runtime error: index out of range [3] with length 3", "Traceback (most recent call last):",
    "kernel: [12345.678] usb 1-1: new high-speed USB device number 2",
    "level=info msg=\"select leader\" term=4 node=raft-2", "DEBUG query took 3.2ms rows=15",
    "Jan 10 10:00:01 host CRON[123]: (root) CMD (run-parts /etc/cron.hourly)",
    # JSON and markdown
    '{"name": "O\'Brien", "comment": "select the best"}', '{"items": [1, 2, 3], "total": 6}',
    '{"query": "union station opening hours", "page": 1}', '{"note": "Tom & Jerry <3", "stars": 5}',
    '{"path": "docs/guide.md", "title": "Getting started"}', '{"user": {"id": 7, "role": "editor"}}',
    "# Installation\n\n1. Download\n2. Run the installer\n3. Restart",
    "- [x] write tests\n- [ ] update docs", "**Bold** and _italic_ and `code`", "> Quote from the manual",
    "```sh\ncargo build --release\n```", "| col1 | col2 |\n|------|------|\n| a | b |",
    # Addresses
    "1234 NE Alberta St, Portland, OR 97211", "500 SW 5th Ave, Portland, OR 97204", "Eugene, OR 97401",
    "Salem, OR 97301 (state capital)", "Bend, OR or Boise, ID? Let's decide tonight.",
    "10 Downing St, London SW1A 2AA", "1600 Pennsylvania Ave NW, Washington, DC 20500",
    # Multilingual
    "L'école est fermée aujourd'hui à cause de la neige.", "Qu'est-ce que c'est ?", "C'est l'heure de l'apéro !",
    "Dell'anno scorso ricordo solo l'estate.", "Grüße aus München; bis bald!", "Straße, Maß, Fuß – ß ist schön.",
    "¿Dónde está la estación? ¡Gracias!", "Привет! Как дела? Выберите лучший вариант.",
    "你好，请选择一个选项并更新你的资料。", "こんにちは。メニューから選択してください。",
    "مرحبا، كيف حالك؟", "שלום, מה שלומך?", "Γεια σου κόσμε", "안녕하세요, 옵션을 선택하세요.",
    "Dzień dobry, proszę wybrać opcję.", "Merhaba, lütfen bir seçenek seçin.", "Olá! Selecione a melhor opção.",
    "Hej! Välj det bästa alternativet.", "Xin chào, vui lòng chọn một tùy chọn.", "नमस्ते, कृपया एक विकल्प चुनें।",
]

TEMPLATES = [
    "Please {verb} {item} from the {menu} and update your {thing}.",
    "Could you {verb} {item} for me? I'll {verb2} it later.",
    "{name} said: \"{verb} {item}, or else we miss the deadline\".",
    "Ignore all previous {things}; the {new} one is correct.",
    "Forget the earlier {things}, {name} will send a new one.",
    "{name} and {name2} & co. <3 the new {thing}",
    "Meet {name} at {place}; bring the {item}.",
    "{name}'s {thing} is in the {place} -- ask {name2}.",
    "Where can I find {item}? The {menu} is confusing.",
    "Is {item} better than {item2}? Select one and order by price.",
]
VERBS = ["select", "drop", "insert", "update", "delete", "union", "order", "exec", "grant", "truncate", "alter", "load", "execute", "declare", "cast", "sleep on"]
ITEMS = ["the blue shirt", "a table by the window", "the second option", "the PDF", "all the photos", "the old files", "a new password", "your favourite colour", "the user list", "the top 10 results", "the spreadsheet", "one of the menus"]
MENUS = ["drop-down menu", "settings page", "sidebar", "list", "top bar", "shop", "table"]
THINGS = ["profile", "address", "preferences", "order", "cart", "account", "subscription", "resume"]
PLACES = ["the lobby", "gate 12", "the café on 5th & Main", "O'Malley's pub", "the D'Orsay exhibit", "Union Square", "the Select Hotel"]
THINGS_PL = ["emails", "messages", "versions", "drafts", "instructions from the landlord", "notes", "schedules", "invoices"]


def template_lines(fake, rnd: random.Random, count: int) -> list[dict]:
    rows, seen = [], set()
    while len(rows) < count:
        t = rnd.choice(TEMPLATES)
        text = t.format(verb=rnd.choice(VERBS).capitalize() if t.startswith("{verb") else rnd.choice(VERBS),
                        verb2=rnd.choice(VERBS), item=rnd.choice(ITEMS), item2=rnd.choice(ITEMS),
                        menu=rnd.choice(MENUS), thing=rnd.choice(THINGS), things=rnd.choice(THINGS_PL),
                        new=rnd.choice(["latest", "new", "attached", "final"]), name=fake.first_name(),
                        name2=fake.first_name(), place=rnd.choice(PLACES))
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "label": "benign", "note": "template"})
    return rows


APOSTROPHE_SURNAMES = ["O'Brien", "O'Connor", "O'Neil", "O'Sullivan", "D'Angelo", "D'Amico", "Dell'Acqua",
                       "N'Diaye", "O'Hara", "D'Souza", "L'Heureux", "O'Leary", "D'Arcy", "Dall'Ara", "O'Malley"]


def faker_lines(locales, seed: int, count: int) -> list[dict]:
    from faker import Faker
    rnd = random.Random(seed)
    fakers = {}
    for loc in locales:
        f = Faker(loc)
        f.seed_instance(seed)
        fakers[loc] = f
    us = fakers["en_US"]
    rows, seen = [], set()

    def add(text, note):
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "label": "benign", "note": note})

    while len(rows) < count:
        loc = rnd.choice(locales)
        f = fakers[loc]
        kind = rnd.choice(["name", "address", "sentence", "paragraph", "company", "json", "oregon", "apostrophe", "form", "job"])
        if kind == "name":
            add(f.name(), "faker name " + loc)
        elif kind == "address":
            add(f.address().replace("\n", ", "), "faker address " + loc)
        elif kind == "sentence":
            add(f.sentence(nb_words=rnd.randint(6, 16)), "faker sentence " + loc)
        elif kind == "paragraph":
            add(f.paragraph(nb_sentences=3), "faker paragraph " + loc)
        elif kind == "company":
            add("{} - {}".format(us.company(), us.catch_phrase()), "faker company")
        elif kind == "json":
            add(json.dumps({"name": f.name(), "city": f.city(), "note": f.sentence()}, ensure_ascii=rnd.random() < 0.3),
                "faker json " + loc)
        elif kind == "oregon":
            add("{}, {}, OR {}".format(us.street_address(), us.city(), us.postcode()), "faker address OR")
        elif kind == "apostrophe":
            add("{} {}, {}".format(us.first_name(), rnd.choice(APOSTROPHE_SURNAMES), us.city()), "apostrophe name")
        elif kind == "form":
            add("first={}&last={}&city={}&state=OR".format(us.first_name(), rnd.choice(APOSTROPHE_SURNAMES),
                                                            us.city().replace(" ", "+")), "form with apostrophe")
        else:
            add("{} at {} ({})".format(f.job(), us.company(), f.city()), "faker job " + loc)
    return rows
