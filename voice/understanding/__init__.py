"""Words to intent: the sentence templates (grammar.py, template_syntax.py, slot_lists.py)
and their strict matcher (intents.py, with grammar_loader.py, intents_file.py, normalize.py,
walker.py), the tolerant reading of paraphrases and misheard words (tolerant.py, joining
repair.py, session_request.py, command_keywords.py, feeling_answer.py; lexicon.py), one
entry (understand.py). Imports feelings, sessions and config, paths, errors.
"""
