Console.WriteLine("pacing bench: not yet");
