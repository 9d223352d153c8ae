"""The Dutch descriptions of the scenario format's fields: what each field means, for the app's
help, the workbook's notes and the report in Dutch. The English is the attribute docstring under
each field in `model/parameters.py`; `model/descriptions.py` reads both, and a test keeps this
table complete (every documented field, nothing else) and different from the English.

Written for a controller or manager of a social-work organisation: the words of the sheets
(uurloon, cursusleider, vervolgtraject, licentie per cliënt), keys between backticks as they are
typed in a scenario file.
"""

DESCRIPTIONS_NL: dict[str, dict[str, str]] = {
    "Scenario": {
        "name": "De naam van het scenario in tabellen, grafieken en werkboeken.",
        "description": "Wat dit scenario inhoudt, in een of twee zinnen.",
        "horizon_years": (
            "Het aantal jaren dat wordt doorgerekend. Elke sleutel met een jaartal "
            "(`development_year`, de spreiding over jaren, `from_year` van groei, de jaren van "
            "`one_off_costs`, `overrides` en `totals`, de beginjaren van waarden per jaar) moet "
            "binnen jaar 1 tot en met de looptijd liggen: een later jaar wordt geweigerd, nooit "
            "stilzwijgend weggelaten."
        ),
        "totals": (
            "Reeksen jaren [eerste, laatste] waarover totalen worden getoond. Zonder opgave: jaar "
            "1-5 en 1-6, ingekort tot de looptijd (met `horizon_years: 4` alleen jaar 1-4)."
        ),
        "hourly_wage": "Bruto uurloon van een cursusleider (maatschappelijk werker).",
        "vat_rate": "Btw die over licentieprijzen en trainingsdagen komt.",
        "wage_indexation": (
            "Jaarlijkse stijging van het uurloon vanaf jaar 2 (uurloon in jaar j = uurloon x "
            "(1 + percentage)^(j-1))."
        ),
        "licence_indexation": "Jaarlijkse stijging van de licentieprijzen vanaf jaar 2.",
        "discount_rate": (
            "Jaarlijks percentage voor de netto contante waarde; jaar 1 wordt één jaar "
            "verdisconteerd, zoals de functie NHW (NPV) van Excel doet."
        ),
        "implementation_hours": (
            "Eigen uren voor invoering en doorontwikkeling, betaald tegen het uurloon."
        ),
        "implementation_spread_years": (
            "De implementatie-uren worden gelijk verdeeld over zoveel jaren vanaf jaar 1 "
            "(hoogstens de looptijd, zodat ze allemaal meetellen)."
        ),
        "cashable_share": (
            "Deel van de vrijgekomen uren van medewerkers dat niet meer betaald wordt (vertrekkers "
            "niet vervangen, minder inhuur), per jaar: dat wordt een besparing in geld tegen het "
            "uurloon."
        ),
        "redeploy_share": (
            "Deel van de vrijgekomen uren van medewerkers dat wordt ingezet voor meer cliënten, "
            "per jaar: ruimte voor extra trajecten. De rest verdwijnt in het werk (kortere "
            "wachtlijsten, meer tijd per cliënt)."
        ),
        "hours_per_fte": (
            "Uren van één volledige formatieplaats per jaar, om uren uit te drukken in fte."
        ),
        "funding": (
            "Hoe de organisatie wordt gefinancierd, en dus wie een besparing houdt (zie het blok "
            "`funding`)."
        ),
        "courses": "De cursussen, elk onder een eigen id.",
        "trajectories": (
            "De soorten individuele hulp, elk onder een eigen id; een scenario heeft cursussen, "
            "trajecten of beide."
        ),
        "platforms": "De platformscenario's die worden vergeleken, elk onder een eigen id.",
        "overrides": (
            "Berekende regels die op een gedrukte waarde zijn vastgezet, elk met de reden."
        ),
    },
    "Funding": {
        "regime": (
            "`lump_sum`: een vast budget; een besparing verandert de inkomsten niet. "
            "`per_trajectory`: betaald per traject; de extra trajecten uit ingezette uren leveren "
            "`price_per_trajectory` op. `bought_hours`: de financier koopt de uren groepswerk in "
            "die de genoemde cursussen vroeger kostten; elk jaar worden de uren die in hun "
            "groepsbijeenkomsten vrijkomen (efficiëntie online, planning, tijdswinst offline), "
            "min de uren van de nieuwe groepen, terugbetaald tegen `price_per_hour`, en meer uren "
            "dan ingekocht leveren niets extra op. `per_client_repriced`: betaald per cliënt; de "
            "besparing blijft tot de prijs na `repricing_after_years` wordt herzien, en gaat dan "
            "naar de financier."
        ),
        "price_per_hour": "Wat de financier betaalt voor een uur groepswerk (`bought_hours`).",
        "courses": (
            "De cursussen waarvan de financier de uren groepswerk inkoopt; zonder opgave alle "
            "cursussen."
        ),
        "price_per_trajectory": "Wat de financier betaalt voor één traject (`per_trajectory`).",
        "repricing_after_years": (
            "Na hoeveel jaar de prijs per cliënt wordt verlaagd tot de lagere kosten "
            "(`per_client_repriced`)."
        ),
    },
    "Course": {
        "name": "De naam in tabellen en grafieken.",
        "group_size": "Deelnemers in één groep (de grootste groep die kan).",
        "minutes_per_participant": (
            "Minuten van de cursusleider per deelnemer per groepsbijeenkomst, zoals het nu gaat."
        ),
        "groups_per_year": "Groepen (cursussen) die elk jaar draaien.",
        "offline_sessions": "Bijeenkomsten per cursus met de deelnemers in de zaal.",
        "online_sessions": "Bijeenkomsten per cursus die online worden aangeboden.",
        "offline_time_gain": (
            "Deel van de tijd van een offline bijeenkomst dat wordt bespaard doordat de informatie "
            "ook online staat."
        ),
        "online_efficiency": "Deel van de tijd van een bijeenkomst dat online wordt bespaard.",
        "offline_preparation_hours": (
            "Uren om een groepsbijeenkomst te plannen, bovenop de tijd die daar al voor staat."
        ),
        "online_preparation_hours": "Uren om een online bijeenkomst voor te bereiden.",
        "referral_hours_per_participant": (
            "Uren individuele nazorg (vervolgtraject) die per deelnemer worden bespaard, omdat "
            "daarin naar de cursus kan worden terugverwezen."
        ),
        "growth": "Nieuwe groepen van deze cursus vanaf een bepaald jaar (weglaten voor geen).",
    },
    "Growth": {
        "from_year": "Eerste jaar waarin de nieuwe groepen draaien (binnen de looptijd).",
        "groups_per_year": "Extra groepen (cursussen) per jaar vanaf `from_year`.",
        "hours_saved_per_new_participant": (
            "Uren maatschappelijk werk die elke nieuwe deelnemer bespaart (doorverwijzing, uitleg "
            "en begeleiding)."
        ),
        "offline_sessions": (
            "Offline bijeenkomsten van een nieuwe cursus; zonder opgave die van de cursus in dat "
            "jaar."
        ),
        "online_sessions": (
            "Online bijeenkomsten van een nieuwe cursus; zonder opgave die van de cursus in dat "
            "jaar."
        ),
        "online_minutes_per_participant": (
            "Minuten per deelnemer per online bijeenkomst van een nieuwe cursus; zonder opgave de "
            "minuten per deelnemer x (1 - efficiëntie online)."
        ),
    },
    "TrajectoryType": {
        "name": "De naam in tabellen en grafieken.",
        "description": "Wat deze soort hulp inhoudt, in één zin.",
        "trajectories_per_year": "Trajecten (geholpen cliënten) van deze soort per jaar.",
        "contact_minutes": "Duur van één face-to-face gesprek.",
        "report_minutes": "Tijd voor het verslag van een face-to-face gesprek.",
        "planning_minutes": (
            "Tijd om een afspraak te maken, per geboekt face-to-face gesprek (ook als de cliënt "
            "niet komt)."
        ),
        "no_show_rate": "Deel van de geboekte face-to-face gesprekken waarop de cliënt niet komt.",
        "no_show_lost_share": (
            "Deel van de tijd van een gemist gesprek dat verloren gaat (de rest gaat naar ander "
            "werk)."
        ),
        "home_visit_share": "Deel van de face-to-face gesprekken dat bij de cliënt thuis is.",
        "travel_minutes_per_visit": "Reistijd per huisbezoek, heen en terug.",
        "email_minutes": "Minuten van de medewerker per e-mail.",
        "chat_minutes": "Minuten van de medewerker per chatgesprek.",
        "video_minutes": "Minuten van de medewerker per videogesprek.",
        "client_travel_minutes": (
            "Reistijd van de cliënt naar een gesprek op kantoor, heen en terug (een huisbezoek "
            "kost de cliënt geen reistijd); 0 laat de reistijd van cliënten buiten beschouwing."
        ),
        "baseline_route": (
            "De route die elk traject volgde vóór de online hulp: besparingen worden daartegen "
            "afgezet."
        ),
        "routes": "De routes, elk onder een eigen id (`f2f`, `blended`, `online`, ...).",
    },
    "Route": {
        "share": (
            "Deel van de trajecten van deze soort dat deze route volgt, per jaar (de groei in "
            "gebruik); de aandelen van de routes van een soort zijn samen elk jaar 100%. De route "
            "vooraf mag zijn aandeel weglaten: die neemt dan de rest, zodat het aandeel van een "
            "andere route een bandbreedte kan hebben of met doelzoeken kan worden bepaald."
        ),
        "f2f_sessions": "Bijgewoonde face-to-face gesprekken per traject.",
        "emails": "E-mails die de medewerker per traject schrijft.",
        "chats": "Chatgesprekken per traject.",
        "video_sessions": "Videogesprekken per traject.",
        "uses_platform": (
            "Of de cliënten op deze route een account op het platform hebben (voor een licentie "
            "per cliënt die meegroeit met het aantal); zonder opgave heeft een route met e-mails, "
            "chats of videogesprekken dat."
        ),
    },
    "Platform": {
        "name": "De naam in tabellen en grafieken.",
        "description": "Een zin over wat dit platformscenario inhoudt.",
        "average_of": (
            "Indien opgegeven zijn de kosten van dit scenario het gemiddelde van de kosten van "
            "deze platformscenario's."
        ),
        "development_cost": (
            "Eenmalige kosten voor het bouwen van het platform of van nieuwe functies (inclusief "
            "btw)."
        ),
        "development_year": "Het jaar waarin de ontwikkeling wordt betaald (binnen de looptijd).",
        "purchase_and_training": (
            "Een vast bedrag voor de aanschaf van het platform en de training van medewerkers "
            "(inclusief btw)."
        ),
        "trainer_days": "Ingekochte dagen externe training.",
        "trainer_day_rate": "Prijs van één trainingsdag, exclusief btw.",
        "staff_trained": (
            "Medewerkers die de training volgen (hun uren worden betaald tegen het uurloon)."
        ),
        "training_hours_per_staff": "Uren die elke getrainde medewerker aan de training besteedt.",
        "training_spread_years": (
            "De kosten van aanschaf en training worden gelijk verdeeld over zoveel jaren vanaf "
            "jaar 1 (hoogstens de looptijd, zodat alles meetelt)."
        ),
        "licence_per_client": "Licentieprijs per cliënt per jaar, exclusief btw.",
        "licence_clients": "Aantal cliënten waarvoor licentie wordt betaald.",
        "round_licence_to_euro": (
            "Rond de licentie per cliënt af op hele euro's, zoals het gepubliceerde overzicht doet "
            "(3.485)."
        ),
        "licence_per_year": (
            "Een vaste licentie per jaar (inclusief btw), bovenop een eventuele licentie per "
            "cliënt."
        ),
        "hosting_per_year": "Kosten van hosting per jaar.",
        "other_recurring_per_year": (
            "Overige terugkerende kosten per jaar (onderhoud, supportcontracten)."
        ),
        "one_off_per_institution": (
            "De eenmalige prijs van het platform voor de organisatie (Klik voor Hulp: "
            "6.000-10.000)."
        ),
        "one_off_per_account": (
            "De eenmalige prijs van het account van elke medewerker (Klik voor Hulp: 100-200)."
        ),
        "accounts": "Ingekochte accounts voor medewerkers.",
        "licence_share_of_purchase": (
            "Een licentie per jaar vanaf jaar 2, als deel van de aanschaf (eenmalige prijs per "
            "instelling plus de accounts); Klik voor Hulp: 20%."
        ),
        "training_group_size": (
            "Medewerkers die samen in één groep worden getraind; het aantal groepen wordt naar "
            "boven afgerond."
        ),
        "training_price_per_group": (
            "Prijs van de training van één groep (Klik voor Hulp: 2.400 voor 2 dagen, 8 "
            "medewerkers)."
        ),
        "fee_per_inhabitant": (
            "Een jaarlijkse bijdrage per inwoner van het werkgebied (de Limburgse coöperatie: "
            "0,05)."
        ),
        "inhabitants": "Inwoners van het gebied waarin de organisatie werkt.",
        "hours_per_week": (
            "Uren die medewerkers van de organisatie elke week aan het platform besteden (de "
            "Limburgse coöperatie: 3,5, kwartaaloverleggen inbegrepen), betaald tegen het "
            "uurloon."
        ),
        "weeks_per_year": "Weken per jaar waarin die uren worden besteed.",
        "natures": (
            "Kostenposten die anders dan gebruikelijk worden betaald: `{development: staff_time}` "
            "voor ontwikkeling door eigen medewerkers. Elke post heeft vanzelf een aard: "
            "ontwikkeling, aanschaf, trainers, licenties, hosting, bijdragen en overige kosten "
            "zijn geld; implementatie, trainingsuren, uren voor het platform en de nieuwe "
            "cursussen zijn tijd van medewerkers."
        ),
        "licence_clients_from_activities": (
            "Tel de cliënten in licentie uit de activiteiten (elke cursusdeelnemer en de trajecten "
            "op routes die het platform gebruiken) in plaats van `licence_clients`, zodat de "
            "licentie meegroeit met het aantal."
        ),
        "one_off_costs": (
            "Overige eenmalige kosten, per jaar waarin ze worden betaald (binnen de looptijd): "
            "{2: 5000}."
        ),
    },
    "Override": {
        "line": (
            "De regel die wordt vastgezet, zoals `explain` hem noemt: `ass_jv.scheduling_saving`."
        ),
        "value": "De waarde die de regel krijgt in de vastgezette jaren.",
        "years": (
            "De vastgezette jaren, elk binnen de looptijd; zonder opgave elk jaar (een lege lijst "
            "wordt geweigerd: die zou ook elk jaar vastzetten)."
        ),
        "reason": (
            "Waarom de berekende waarde wordt vervangen (bijvoorbeeld een drukfout in het "
            "gepubliceerde overzicht)."
        ),
    },
    "Param": {
        "value": "De waarde voor elk jaar.",
        "by_year": (
            "Waarden per beginjaar, geschreven als `value: {1: 3, 3: 4}` of alleen "
            "`{1: 3, 3: 4}`: 3 in jaar 1-2 en 4 vanaf jaar 3. Elk beginjaar ligt binnen de "
            "looptijd."
        ),
        "source": "Waar de waarde vandaan komt: document, tabel, regel.",
        "low": "Laagste aannemelijke waarde, voor simulatie en gevoeligheid.",
        "likely": (
            "Meest waarschijnlijke waarde van een driehoeks- of PERT-verdeling; zonder opgave de "
            "waarde zelf."
        ),
        "high": "Hoogste aannemelijke waarde, voor simulatie en gevoeligheid.",
        "distribution": (
            "Hoe de waarden tussen laag en hoog verdeeld zijn: triangular (driehoek, de "
            "standaard), pert, uniform (gelijkmatig) of normal (normaal verdeeld rond de meest "
            "waarschijnlijke waarde met standaardafwijking `sd`, afgekapt bij laag en hoog). Een "
            "parameter in hele getallen (een jaar, een aantal groepen, bijeenkomsten, dagen, "
            "medewerkers of cliënten, een groepsgrootte) trekt hele getallen: de spreiding loopt "
            "een halve eenheid door voorbij laag en hoog en elke trekking wordt afgerond op het "
            "dichtstbijzijnde hele getal, zodat elk heel getal van laag tot hoog voorkomt, elk zo "
            "waarschijnlijk als de spreiding eromheen."
        ),
        "sd": "Standaardafwijking van een normale verdeling, in de eenheid van de parameter.",
        "range_source": "Waar de bandbreedte vandaan komt.",
    },
}
"""Class name -> field name -> what the field means, in Dutch."""
