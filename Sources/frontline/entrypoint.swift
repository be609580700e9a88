import App

await Frontline.runFromCommandLine()
