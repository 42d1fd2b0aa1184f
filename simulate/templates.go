package simulate

// Sentence templates. Placeholders: {S} names the source as a subject,
// {T} the target as an object, {T's} is the target's possessive, {Sadj} and
// {Tadj} are demonym adjectives, {issue}, {topic}, {action}, {wrongdoing}
// and {city} are drawn from the lists below and {day} is the weekday of
// publication.

// levels are the stance levels of the templates, from most hostile to most
// cooperative; level i holds templates[i].
var templates = [5][]string{
	// Strongly hostile: threats, sanctions, force.
	{
		"{S} imposed sanctions on {T} over {issue}.",
		"{S} threatened {T} with retaliation over {issue}.",
		"{S} expelled {Tadj} diplomats after a row over {issue}.",
		"{S} warned {T} of serious consequences over {issue}.",
		"{S} threatened to cut off trade with {T} over {issue}.",
		"{S} sent coast guard ships to block {Tadj} supply boats near a remote reef.",
		"{S} suspended military talks with {T} and threatened further measures.",
	},
	// Hostile: criticism, accusations, demands, protests.
	{
		"{S} condemned {T's} {action}.",
		"{S} criticized {T} over {issue}.",
		"{S} accused {T} of {wrongdoing}.",
		"{S} rejected {T's} proposal on {topic}.",
		"{S} demanded an apology from {T} over {issue}.",
		"{S} lodged a formal protest with {T} over {issue}.",
		"{S} warned {T} against {wrongdoing}.",
		"{S} summoned the {Tadj} ambassador to protest {T's} {action}.",
	},
	// Neutral: consultations and contacts.
	{
		"{S} held talks with {T} on {topic} in {city}.",
		"{S} discussed {topic} with {T} by telephone on {day}.",
		"{S} met {Tadj} envoys on the sidelines of a conference in {city}.",
		"{S} agreed to consult {T} on {topic}.",
		"{S} hosted a {Tadj} delegation for talks on {topic}.",
	},
	// Cooperative: praise, support, agreement.
	{
		"{S} praised ties with {T} as a model of cooperation.",
		"{S} expressed support for {T's} plan on {topic}.",
		"{S} welcomed {T's} decision to resume talks on {topic}.",
		"{S} agreed with {T} to expand cooperation on {topic}.",
		"{S} thanked {T} for help with {topic}.",
		"{S} pledged to deepen the partnership with {T}.",
	},
	// Strongly cooperative: agreements, aid, alliances.
	{
		"{S} signed a trade agreement with {T} in {city}.",
		"{S} pledged aid to {T} after severe floods.",
		"{S} signed a defence cooperation pact with {T}.",
		"{S} and {T} signed a landmark agreement on {topic}.",
		"{S} agreed to supply {T} with emergency energy aid.",
		"{S} hailed a strategic partnership with {T} and promised new investment.",
	},
}

// level returns the template level of a stance in [-1, 1].
func level(s float64) int {
	switch {
	case s < -0.6:
		return 0
	case s < -0.2:
		return 1
	case s <= 0.2:
		return 2
	case s <= 0.6:
		return 3
	}
	return 4
}

// headlines are short titles per level; the placeholders are the same.
var headlines = [5][]string{
	{
		"{S} threatens {T} with sanctions over {issue}",
		"{S} imposes sanctions on {T}",
		"{S} warns {T} of consequences in escalating row",
	},
	{
		"{S} criticizes {T} over {issue}",
		"{S} accuses {T} of {wrongdoing}",
		"{S} condemns {T's} {action}",
	},
	{
		"{S} and {T} hold talks on {topic}",
		"{S} discusses {topic} with {T}",
	},
	{
		"{S} praises ties with {T}",
		"{S} backs {T's} plan on {topic}",
	},
	{
		"{S} signs trade deal with {T}",
		"{S} pledges aid to {T}",
	},
}

// filler sentences carry no stance between states; {city} names places
// that are not actors of the story.
var filler = []string{
	"Officials did not give further details.",
	"The statement was published on the ministry's website on {day}.",
	"Analysts said the move could weigh on regional trade.",
	"Markets in {city} were little changed on {day}.",
	"The remarks came on the sidelines of a conference in {city}.",
	"A spokesperson declined to comment on the timing.",
	"The talks are expected to continue in {city} next month.",
	"Diplomats in {city} said more meetings were planned.",
	"Shipping companies said they were watching the situation closely.",
	"The announcement followed weeks of quiet negotiations.",
}

// domestic sentences make articles about one state only; {A} names it.
var domestic = []string{
	"{A} reported stronger factory output for the month.",
	"{A} announced a new budget for infrastructure and schools.",
	"Heavy rain caused flooding in parts of {A} on {day}.",
	"{A} said inflation eased for a third month.",
	"Thousands attended a festival in {Acap} on {day}.",
	"{A} opened a new high-speed rail line.",
}

var (
	issues = []string{
		"maritime claims", "trade barriers", "military drills",
		"tariffs on steel", "a cyber attack", "fishing rights", "border incidents",
		"an airspace violation", "the detention of a journalist",
	}
	topics = []string{
		"trade", "energy security", "climate finance", "fisheries", "public health",
		"maritime safety", "investment", "food security", "student exchanges",
	}
	actions = []string{
		"military drills", "new sanctions", "missile test", "naval patrols",
		"trade restrictions", "detention of fishermen",
	}
	wrongdoings = []string{
		"provocations at sea", "interference in its internal affairs",
		"spreading disinformation", "violating its airspace",
		"harassing its fishermen", "unfair trade practices",
	}
	cities = []string{
		"Geneva", "Singapore", "Davos", "Istanbul", "Bali", "Osaka", "Munich",
		"Dubai", "Shanghai", "St. Petersburg",
	}
)
