from zicht.detect.explain import explain as explain
